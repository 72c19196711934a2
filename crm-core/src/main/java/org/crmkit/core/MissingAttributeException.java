package org.crmkit.core;

import java.util.List;

/**
 * Thrown by a value type's builder when {@code build()} is called before every required attribute
 * was set. The message names the value type and each missing attribute, for example {@code
 * "Customer is missing required attributes [id, name]"}.
 *
 * <pre>{@code
 * try {
 *   Customer.builder().name("ACME").build();
 * } catch (MissingAttributeException e) {
 *   e.valueType();   // "Customer"
 *   e.attributes();  // [id]
 * }
 * }</pre>
 */
public final class MissingAttributeException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final String valueType;
  private final List<String> attributes;

  /**
   * Creates the exception; called by the builders crmkit generates, where the value type is known
   * only from the calling builder.
   *
   * @param attributes the names of the required attributes that were not set
   */
  public MissingAttributeException(String... attributes) {
    this(GeneratedCaller.valueType(), List.of(attributes));
  }

  /**
   * Creates the exception.
   *
   * @param valueType the simple name of the value type being built, e.g. {@code Customer}
   * @param attributes the names of the required attributes that were not set
   */
  public MissingAttributeException(String valueType, List<String> attributes) {
    super(valueType + " is missing required " + (attributes.size() == 1 ? "attribute " : "attributes ")
        + attributes + "; set " + (attributes.size() == 1 ? "it" : "them") + " on the builder before build()");
    this.valueType = valueType;
    this.attributes = List.copyOf(attributes);
  }

  /** The simple name of the value type that could not be built, e.g. {@code Customer}. */
  public String valueType() {
    return valueType;
  }

  /** The names of the required attributes that were not set; never empty, unmodifiable. */
  public List<String> attributes() {
    return attributes;
  }
}
