package org.crmkit.core;

import java.util.Optional;

/**
 * Finds the value type whose generated implementation ({@code ImmutableCustomer}, {@code
 * ImmutableCustomer.Builder}) is throwing: the Immutables style can name only the exception
 * class, and the generated code passes only attribute names to it. Runs only when an exception is
 * being created, never on a successful build.
 */
final class GeneratedCaller {
  private static final String PREFIX = "Immutable";

  private GeneratedCaller() {}

  static String valueType() {
    Optional<String> type = StackWalker.getInstance().walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .filter(name -> name.startsWith("org.crmkit."))
        .map(GeneratedCaller::valueTypeOf)
        .flatMap(Optional::stream)
        .findFirst());
    return type.orElse("value");
  }

  /** {@code org.crmkit.core.model.ImmutableCustomer$Builder} → {@code Customer}. */
  static Optional<String> valueTypeOf(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int nested = simple.indexOf('$');
    String outer = nested < 0 ? simple : simple.substring(0, nested);
    if (outer.startsWith(PREFIX) && outer.length() > PREFIX.length()) {
      return Optional.of(outer.substring(PREFIX.length()));
    }
    return Optional.empty();
  }
}
