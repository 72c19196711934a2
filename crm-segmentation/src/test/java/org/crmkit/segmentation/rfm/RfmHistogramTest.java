package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.junit.jupiter.api.Test;

class RfmHistogramTest {
  private static final LocalDate AS_OF = LocalDate.of(1998, 7, 1);

  @Test
  void mergesEqualValuesAndSortsThem() {
    RfmHistogram h = RfmHistogram.of(new double[] {40, 3, 10, 3, -0.0, 0.0}, new long[] {1, 2, 5, 4, 1, 1});
    assertThat(h.total()).isEqualTo(14);
    assertThat(h.distinctValues()).isEqualTo(4);
    assertThat(List.of(h.value(0), h.value(1), h.value(2), h.value(3))).containsExactly(0.0, 3.0, 10.0, 40.0);
    assertThat(List.of(h.count(0), h.count(1), h.count(2), h.count(3))).containsExactly(2L, 6L, 5L, 1L);
  }

  @Test
  void rejectsBadPairs() {
    assertThatThrownBy(() -> RfmHistogram.of(new double[] {1}, new long[] {1, 2}))
        .isInstanceOf(CrmException.class).hasMessageContaining("same length");
    assertThatThrownBy(() -> RfmHistogram.of(new double[] {Double.NaN}, new long[] {1}))
        .isInstanceOf(CrmException.class).hasMessageContaining("values[0] must be finite");
    assertThatThrownBy(() -> RfmHistogram.of(new double[] {1}, new long[] {0}))
        .isInstanceOf(CrmException.class).hasMessageContaining("counts[0] must be >= 1");
  }

  @Test
  void tiesShareCutsFromCounts() {
    // 10 customers: frequency 1 (6 customers), 2 (3), 9 (1); 5 tiles put cuts at positions 2,4,6,8
    RfmHistogram f = RfmHistogram.of(new double[] {1, 2, 9}, new long[] {6, 3, 1});
    RfmHistogram r = RfmHistogram.of(new double[] {5}, new long[] {10});
    RfmHistogram m = RfmHistogram.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
        new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    RfmModel model = RfmScorer.defaults().fit(AS_OF, r, f, m, (d, v, k) -> {
      throw new AssertionError("not called under TIES_SHARE");
    });
    // positions 2 and 4 fall inside the tie at 1, so scores 2 and 3 start at 2; 6 is the first 2
    assertThat(model.frequencyCuts()).containsExactly(
        new CutPoint(2, 2, null), new CutPoint(3, 2, null), new CutPoint(4, 2, null),
        new CutPoint(5, 9, null));
    assertThat(model.recencyCuts()).isEmpty();
    assertThat(model.monetaryCuts()).extracting(CutPoint::value).containsExactly(3.0, 5.0, 7.0, 9.0);
  }

  @Test
  void stableSplitAsksForTheIdAtTheCutPosition() {
    RfmHistogram r = RfmHistogram.of(new double[] {5}, new long[] {4});
    RfmScorer scorer = RfmScorer.builder().tiles(2).ties(TiePolicy.STABLE_SPLIT).build();
    RfmModel model = scorer.fit(AS_OF, r, RfmHistogram.of(new double[] {1}, new long[] {4}),
        RfmHistogram.of(new double[] {7}, new long[] {4}),
        (d, v, k) -> CustomerId.of(d + "@" + v + "#" + k));
    assertThat(model.recencyCuts()).containsExactly(new CutPoint(2, 5, CustomerId.of("RECENCY@5.0#2")));
  }

  @Test
  void rejectsInconsistentHistograms() {
    RfmHistogram two = RfmHistogram.of(new double[] {1}, new long[] {2});
    RfmHistogram three = RfmHistogram.of(new double[] {1}, new long[] {3});
    assertThatThrownBy(() -> RfmScorer.defaults().fit(AS_OF, two, three, two, (d, v, k) -> null))
        .isInstanceOf(CrmException.class).hasMessageContaining("same customers");
    RfmHistogram empty = RfmHistogram.of(new double[0], new long[0]);
    assertThatThrownBy(() -> RfmScorer.defaults().fit(AS_OF, empty, empty, empty, (d, v, k) -> null))
        .isInstanceOf(CrmException.class).hasMessageContaining("at least one");
  }
}
