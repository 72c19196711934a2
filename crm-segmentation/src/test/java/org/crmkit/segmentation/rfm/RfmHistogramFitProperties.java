package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

/** Fitting from histograms gives the model that scoring the whole population gives. */
class RfmHistogramFitProperties {

  @Test
  void fitFromHistogramsEqualsTheModelOfScoringThePopulation() {
    qt().withExamples(1000).forAll(longs().all(), integers().between(2, 9), integers().between(0, 3))
        .checkAssert((seed, tiles, variant) -> {
          List<Transaction> txs = TestTransactions.random(seed);
          if (txs.stream().allMatch(t -> t.date().isAfter(TestTransactions.AS_OF))) {
            return;
          }
          RfmScorer scorer = RfmScorer.builder().tiles(tiles)
              .ties(variant % 2 == 1 ? TiePolicy.STABLE_SPLIT : TiePolicy.TIES_SHARE)
              .frequency(variant >= 2 ? FrequencyMeasure.DISTINCT_DAYS : FrequencyMeasure.TRANSACTIONS)
              .monetary(variant >= 2 ? MonetaryMeasure.MEAN : MonetaryMeasure.TOTAL)
              .build();
          RfmResult expected = scorer.score(txs, TestTransactions.AS_OF);
          List<RfmScore> scores = expected.scores();
          RfmModel fitted = scorer.fit(TestTransactions.AS_OF,
              histogram(scores, RfmScore::recencyDays), histogram(scores, RfmScore::frequency),
              histogram(scores, RfmScore::monetary), (dimension, value, rank) -> {
                List<CustomerId> tied = new ArrayList<>();
                for (RfmScore s : scores) {   // scores are sorted by customer id
                  if (measure(dimension, s) == value) {
                    tied.add(s.customer());
                  }
                }
                return tied.get((int) rank);
              });
          assertThat(fitted).as("seed %s, tiles %s, variant %s", seed, tiles, variant)
              .isEqualTo(expected.model());
        });
  }

  private static double measure(RfmDimension dimension, RfmScore s) {
    return switch (dimension) {
      case RECENCY -> s.recencyDays();
      case FREQUENCY -> s.frequency();
      case MONETARY -> s.monetary();
    };
  }

  private static RfmHistogram histogram(List<RfmScore> scores, ToDoubleFunction<RfmScore> f) {
    Map<Double, Long> counts = new HashMap<>();
    scores.forEach(s -> counts.merge(f.applyAsDouble(s) + 0.0, 1L, Long::sum));
    double[] v = new double[counts.size()];
    long[] c = new long[counts.size()];
    int i = 0;
    for (Map.Entry<Double, Long> e : counts.entrySet()) {
      v[i] = e.getKey();
      c[i++] = e.getValue();
    }
    return RfmHistogram.of(v, c);
  }
}
