package org.crmkit.segmentation.clv;

import static org.quicktheories.generators.SourceDSL.doubles;

import org.quicktheories.core.Gen;

/** QuickTheories generators for the lifetime-value tests. */
final class ClvGenerators {
  private ClvGenerators() {}

  /** BG/NBD parameters over a wide but realistic range. */
  static Gen<BgNbdParameters> bgNbd(double aLow) {
    return doubles().between(0.1, 5).zip(doubles().between(0.5, 30), doubles().between(aLow, 5),
        doubles().between(0.3, 8), BgNbdParameters::new);
  }
}
