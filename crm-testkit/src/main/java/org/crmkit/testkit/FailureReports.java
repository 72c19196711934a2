package org.crmkit.testkit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Reporter;

/**
 * Failure messages with the counterexample first: the domain description (a {@link
 * SegmentRuleViolation}'s message, else the value), then the seed and a one-line replay
 * instruction, then the engine's details; the stack trace follows as the cause.
 */
final class FailureReports {
  /**
   * The classes a replay line must not name (by name: a class literal of the QuickTheories
   * classes would load QuickTheories, an optional dependency, in plain tests).
   */
  private static final Set<String> OWN = Set.of("org.crmkit.testkit.FailureReports",
      "org.crmkit.testkit.PlainProperty", "org.crmkit.testkit.QuickTheoriesGens",
      "org.crmkit.testkit.SegmentRuleChecks");

  private FailureReports() {}

  /** The report of a falsified property; {@code seedProperty} is the system property to replay with. */
  static AssertionError falsified(Object value, @Nullable Throwable cause, long seed,
      String seedProperty, String engine) {
    StringBuilder sb = new StringBuilder();
    SegmentRuleViolation violation = violation(cause);
    if (violation != null) {
      sb.append(violation.getMessage());
    } else {
      sb.append("property falsified by ").append(value);
      if (cause != null) {
        sb.append("\n").append(cause);
      }
    }
    sb.append("\nseed: ").append(seed).append(" (").append(engine).append(')');
    sb.append("\nreplay: ").append(replay(seedProperty, seed));
    if (violation != null) {
      sb.append("\ncounterexample: ").append(value);
    }
    return new AssertionError(sb.toString(), cause);
  }

  static @Nullable SegmentRuleViolation violation(@Nullable Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      if (e instanceof SegmentRuleViolation v) {
        return v;
      }
    }
    return null;
  }

  /** {@code ./mvnw test -Dtest='Class#method' -DQT_SEED=42}, naming the calling test if found. */
  static String replay(String seedProperty, long seed) {
    String test = callingTest();
    return "./mvnw test " + (test == null ? "" : "-Dtest='" + test + "' ")
        + "-D" + seedProperty + "=" + seed;
  }

  private static @Nullable String callingTest() {
    StackTraceElement fallback = null;
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      String cls = e.getClassName();
      int dollar = cls.indexOf('$');
      String outer = dollar < 0 ? cls : cls.substring(0, dollar);
      if (OWN.contains(outer) || cls.startsWith("org.quicktheories.") || cls.startsWith("java.")
          || cls.startsWith("jdk.") || cls.startsWith("sun.") || cls.startsWith("org.junit.")) {
        continue;
      }
      if (isTestMethod(outer, e.getMethodName())) {
        return simpleName(outer) + "#" + e.getMethodName();
      }
      if (fallback == null && !e.getMethodName().startsWith("lambda$")) {
        fallback = e;
      }
    }
    return fallback == null ? null : simpleName(fallback.getClassName()) + "#" + fallback.getMethodName();
  }

  private static boolean isTestMethod(String className, String method) {
    try {
      Class<?> c = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(method)) {
          for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().getSimpleName().endsWith("Test")) {
              return true;
            }
          }
        }
      }
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      return false;
    }
    return false;
  }

  private static String simpleName(String className) {
    int dollar = className.indexOf('$');
    String outer = dollar < 0 ? className : className.substring(0, dollar);
    return outer.substring(outer.lastIndexOf('.') + 1);
  }

  /** QuickTheories' reporter with the counterexample, seed and replay line first (0.26 spells its methods "falisification"). */
  static final class QuickTheoriesReporter implements Reporter {
    @Override
    public void falisification(long seed, int count, Object smallest, Throwable cause,
        List<Object> examples, AsString<Object> toString) {
      throw falsified(toString.asString(smallest), cause, seed, "QT_SEED",
          "QuickTheories, " + count + (count == 1 ? " example" : " examples") + ", then shrinking");
    }

    @Override
    public void falisification(long seed, int count, Object smallest, List<Object> examples,
        AsString<Object> toString) {
      throw falsified(toString.asString(smallest), null, seed, "QT_SEED",
          "QuickTheories, " + count + (count == 1 ? " example" : " examples") + ", then shrinking");
    }

    @Override
    public void valuesExhausted(int completedExamples) {
      throw new IllegalStateException("gave up after finding only " + completedExamples
          + " example(s) matching the assumptions");
    }
  }
}
