package org.crmkit.examples.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The entry point of Jazzer's command-line driver for long fuzzing runs ({@code .ci/fuzz}): it
 * runs one {@code @FuzzTest} method, named by the system property {@code fuzz.target} as
 * {@code Class#method} (for example {@code org.crmkit.examples.fuzz.DocumentReadersFuzzTest#policy}),
 * on each input. The driver gives each target a persistent corpus, a time budget and libFuzzer's
 * statistics, which the JUnit integration does not print.
 */
public final class FuzzMain {
  private static final Object TEST;
  private static final Method METHOD;

  static {
    String target = System.getProperty("fuzz.target", "");
    int hash = target.indexOf('#');
    if (hash < 0) {
      throw new ExceptionInInitializerError("set -Dfuzz.target=Class#method, not '" + target + "'");
    }
    try {
      Class<?> type = Class.forName(target.substring(0, hash));
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      TEST = constructor.newInstance();
      METHOD = type.getDeclaredMethod(target.substring(hash + 1), byte[].class);
      METHOD.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private FuzzMain() {}

  /** Runs the target on one input; whatever the target throws is a finding. */
  public static void fuzzerTestOneInput(byte[] input) throws Throwable {
    try {
      METHOD.invoke(TEST, (Object) input);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
