package org.crmkit.core.assignment;

/** Why a member of a distribution pool did not receive a lead. */
public enum SkipReason {
  /** The user is inactive. */
  INACTIVE,
  /** The instant falls in one of the rep's out-of-office intervals. */
  OUT_OF_OFFICE,
  /** The instant is outside the rep's working hours. */
  OUTSIDE_WORKING_HOURS,
  /** The rep already received their capacity for the current period. */
  AT_CAPACITY,
  /** The rep lacks a skill the entry requires. */
  MISSING_SKILL,
  /** The rep does not cover the lead's territory. */
  TERRITORY_NOT_COVERED
}
