package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

/** Differential test: the engine agrees with the naive reference on random populations. */
class RfmScorerReferenceTest {

  @Test
  void engineAgreesWithNaiveReference() {
    qt().withExamples(1500).forAll(longs().all(), integers().between(2, 9), integers().between(0, 7))
        .checkAssert((seed, tiles, options) -> {
          List<Transaction> txs = TestTransactions.random(seed);
          TiePolicy ties = (options & 1) == 0 ? TiePolicy.TIES_SHARE : TiePolicy.STABLE_SPLIT;
          FrequencyMeasure fm = (options & 2) == 0 ? FrequencyMeasure.TRANSACTIONS
              : FrequencyMeasure.DISTINCT_DAYS;
          MonetaryMeasure mm = (options & 4) == 0 ? MonetaryMeasure.TOTAL : MonetaryMeasure.MEAN;
          List<RfmScore> expected = RfmReference.score(txs, TestTransactions.AS_OF, tiles, ties, fm, mm);
          if (expected.isEmpty()) {
            return;
          }
          RfmResult actual = RfmScorer.builder().tiles(tiles).ties(ties).frequency(fm).monetary(mm)
              .build().score(txs, TestTransactions.AS_OF);
          assertThat(actual.scores()).as("seed %s", seed).isEqualTo(expected);
        });
  }
}
