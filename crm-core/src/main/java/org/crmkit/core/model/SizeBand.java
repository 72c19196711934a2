package org.crmkit.core.model;

/**
 * Company size band by head count, following the EU recommendation 2003/361 bands, extended by an
 * enterprise band for the large accounts that CRM key-account teams handle.
 */
public enum SizeBand {
  /** Fewer than 10 employees. */
  MICRO,
  /** 10 to 49 employees. */
  SMALL,
  /** 50 to 249 employees. */
  MEDIUM,
  /** 250 to 999 employees. */
  LARGE,
  /** 1,000 employees or more. */
  ENTERPRISE;

  /**
   * The band of a head count.
   *
   * @throws org.crmkit.core.CrmException if {@code employees} is negative
   */
  public static SizeBand ofEmployees(int employees) {
    if (employees < 0) {
      throw new org.crmkit.core.CrmException(
          "employees must be >= 0, but was " + employees);
    }
    if (employees < 10) {
      return MICRO;
    }
    if (employees < 50) {
      return SMALL;
    }
    if (employees < 250) {
      return MEDIUM;
    }
    return employees < 1000 ? LARGE : ENTERPRISE;
  }
}
