package org.crmkit.core.hierarchy;

import java.util.List;

/** Gives tests in other packages the random dated edges of {@link DatedHierarchyProperties}. */
public final class DatedHierarchyPropertiesAccess {
  private DatedHierarchyPropertiesAccess() {}

  public static List<DatedEdge<String>> edges(int n, long seed) {
    return DatedHierarchyProperties.edges(n, seed);
  }
}
