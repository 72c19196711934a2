/**
 * crmkit segmentation: RFM scoring, value tiers, segment rules, classification and customer
 * lifetime value.
 */
@SuppressWarnings("requires-automatic") // Hipparchus publishes no module name (docs/decisions.md #12)
module org.crmkit.segmentation {
  requires transitive org.crmkit.core;
  requires static org.immutables.value;
  requires static org.jspecify;
  requires org.slf4j;
  requires hipparchus.core;
  requires hipparchus.optim;

  exports org.crmkit.segmentation.classify;
  exports org.crmkit.segmentation.clv;
  exports org.crmkit.segmentation.forecast;
  exports org.crmkit.segmentation.rfm;
  exports org.crmkit.segmentation.rules;
  exports org.crmkit.segmentation.tiers;
}
