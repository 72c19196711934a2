package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFM on the real CDNOW master file (69,659 purchases of 23,570 customers, 1997-01-01 to
 * 1998-06-30). Expected figures were derived independently (a short Python script over the file,
 * and by hand for single customers), not by the code under test.
 */
class CdnowRfmConformanceTest {
  static final LocalDate AS_OF = LocalDate.parse("1998-07-01");
  static List<Transaction> transactions;
  static RfmResult result;

  @BeforeAll
  static void load() throws IOException {
    Path file = Path.of(System.getProperty("crmkit.data"), "cdnow", "CDNOW_master.txt");
    DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
    transactions = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      transactions.add(Transaction.of(f[0], LocalDate.parse(f[1], yyyymmdd), Double.parseDouble(f[3])));
    }
    result = RfmScorer.defaults().score(transactions, AS_OF);
  }

  @Test
  void countsMatchTheFile() {
    assertThat(transactions).hasSize(69_659);
    assertThat(result.size()).isEqualTo(23_570);
    assertThat(result.scores().stream().mapToInt(RfmScore::frequency).sum()).isEqualTo(69_659);
  }

  @Test
  void customersComputedByHand() {
    // 00001: one purchase of 11.77 on 1997-01-01; 1997-01-01 → 1998-07-01 is 365 + 181 days
    RfmScore c1 = result.get(CustomerId.of("00001")).orElseThrow();
    assertThat(c1).isEqualTo(new RfmScore(CustomerId.of("00001"), 546, 1, 11.77, 1, 1, 1));
    // 00002: two purchases on 1997-01-12 (12.00 + 77.00): 535 days, frequency 2, one purchase day
    RfmScore c2 = result.get(CustomerId.of("00002")).orElseThrow();
    assertThat(c2.recencyDays()).isEqualTo(535);
    assertThat(c2.frequency()).isEqualTo(2);
    assertThat(c2.monetary()).isCloseTo(89.0, org.assertj.core.data.Offset.offset(1e-9));
    RfmScore days = RfmScorer.builder().frequency(FrequencyMeasure.DISTINCT_DAYS).build()
        .score(transactions, AS_OF).get(CustomerId.of("00002")).orElseThrow();
    assertThat(days.frequency()).isEqualTo(1);
    // the heaviest buyer: 201 purchases, last one 1998-06-29
    RfmScore top = result.get(CustomerId.of("07592")).orElseThrow();
    assertThat(top.recencyDays()).isEqualTo(2);
    assertThat(top.frequency()).isEqualTo(201);
    assertThat(top.code()).isEqualTo("555");
  }

  @Test
  void scoreDistributionsFollowTiesShare() {
    Map<Integer, Long> f = histogram(RfmScore::f);
    // 11,908 one-time buyers (50.5% > 40%) all tie at L = 0 → F = 1; then the next value (2
    // purchases) has L = 11,908 → 1 + floor(5 × 11908 / 23570) = 3: score 2 is never given
    assertThat(f).containsExactlyEntriesOf(new TreeMap<>(Map.of(1, 11_908L, 3, 4_079L, 4, 3_658L,
        5, 3_925L)));
    assertThat(histogram(RfmScore::r)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        1, 4_735L, 2, 4_712L, 3, 4_702L, 4, 4_720L, 5, 4_701L)));
    assertThat(histogram(RfmScore::m)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        1, 4_817L, 2, 4_615L, 3, 4_710L, 4, 4_715L, 5, 4_713L)));
  }

  @Test
  void stableSplitTilesAreEqualSizedOnRealData() {
    RfmResult split = RfmScorer.builder().ties(TiePolicy.STABLE_SPLIT).build().score(transactions, AS_OF);
    Map<Integer, Long> f = split.scores().stream()
        .collect(Collectors.groupingBy(RfmScore::f, TreeMap::new, Collectors.counting()));
    assertThat(f.values()).containsOnly(4_714L);   // 23,570 / 5
  }

  @Test
  void everyCustomerGetsASegmentFromTheBuiltinMaps() {
    for (SegmentRules rules : List.of(BuiltinSegments.standard10(), BuiltinSegments.repaired11())) {
      for (RfmScore s : result.scores()) {
        assertThat(rules.segmentOf(s)).isPresent();
      }
    }
  }

  private static Map<Integer, Long> histogram(java.util.function.ToIntFunction<RfmScore> dim) {
    return result.scores().stream()
        .collect(Collectors.groupingBy(dim::applyAsInt, TreeMap::new, Collectors.counting()));
  }
}
