package org.crmkit.core;

/**
 * Thrown by a value type's builder, factory or {@code with} method when {@code null} is passed for
 * an attribute (or as an element, key or value of a collection attribute) that must not be null.
 * The message names the value type and the attribute, for example {@code "Customer.id must not be
 * null"}; an absent optional attribute is expressed by not setting it, never by {@code null}.
 *
 * <pre>{@code
 * try {
 *   Customer.builder().id(null);
 * } catch (NullAttributeException e) {
 *   e.valueType();   // "Customer"
 *   e.attribute();   // "id"
 * }
 * }</pre>
 */
public final class NullAttributeException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final String valueType;
  private final String attribute;

  /**
   * Creates the exception; called by the builders crmkit generates, which know only the attribute
   * name (the value type is taken from the calling builder).
   *
   * @param attribute the attribute that was null, as the generated code names it (e.g. {@code id},
   *     or {@code attributes key} for a map key)
   */
  public NullAttributeException(String attribute) {
    this(GeneratedCaller.valueType(), attribute);
  }

  /**
   * Creates the exception.
   *
   * @param valueType the simple name of the value type, e.g. {@code Customer}
   * @param attribute the attribute that was null
   */
  public NullAttributeException(String valueType, String attribute) {
    super(valueType + "." + attribute + " must not be null");
    this.valueType = valueType;
    this.attribute = attribute;
  }

  /** The simple name of the value type, e.g. {@code Customer}. */
  public String valueType() {
    return valueType;
  }

  /** The attribute that was null, e.g. {@code id}. */
  public String attribute() {
    return attribute;
  }
}
