package org.crmkit.core.model;

/** Whether a customer is a person or an organisation (a company, an institution). */
public enum CustomerKind {
  /** A private person buying for themselves. */
  INDIVIDUAL,
  /** A company or other organisation; organisations may form group hierarchies. */
  ORGANISATION
}
