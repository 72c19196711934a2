package org.crmkit.segmentation.rfm;

/** How customers with equal measures are split into score tiles. */
public enum TiePolicy {
  /**
   * Score = 1 + floor(n × L / N), where N is the number of customers and L the number of customers
   * strictly worse on the measure. Equal values always get equal scores; without ties this equals
   * SQL {@code NTILE}. Tile sizes may differ when large groups tie.
   */
  TIES_SHARE,
  /**
   * Equal-sized tiles (sizes differ by at most one): customers are ordered from worst to best, ties
   * broken by customer id (the greater id counts as better), and position p gets 1 + floor(n × p /
   * N). Equal values may get different scores.
   */
  STABLE_SPLIT
}
