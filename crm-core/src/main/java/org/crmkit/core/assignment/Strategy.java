package org.crmkit.core.assignment;

/** How a distribution entry picks one rep among the eligible, available members of its pool. */
public enum Strategy {
  /**
   * Each member in pool order, starting after the last one picked (a persistent cursor);
   * ineligible members are skipped, so over many leads the counts of reps that stayed eligible
   * differ by at most one.
   */
  ROUND_ROBIN,
  /**
   * Smooth weighted round-robin (nginx's algorithm): each eligible member's current weight grows
   * by its weight, the largest is picked and lowered by the total. Over every cycle of {@code W}
   * picks (the sum of weights) each member gets exactly its weight, interleaved, never bursty.
   */
  WEIGHTED_ROUND_ROBIN,
  /** The member with the fewest open items (ties: pool order); assigning adds one open item. */
  LEAST_LOADED
}
