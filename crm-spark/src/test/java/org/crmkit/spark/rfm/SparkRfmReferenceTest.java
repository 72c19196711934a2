package org.crmkit.spark.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.FrequencyMeasure;
import org.crmkit.segmentation.rfm.MonetaryMeasure;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.crmkit.spark.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * Differential test: Spark RFM against single-machine {@link RfmScorer} on random populations
 * with many ties, returns, transactions after the as-of date, ids whose UTF-8 and UTF-16 orders
 * differ, one customer and no customer. Amounts are multiples of 0.25, so that crmkit's double
 * sums are exact and equal Spark's decimal sums.
 */
class SparkRfmReferenceTest {
  static final LocalDate AS_OF = LocalDate.of(2024, 1, 31);
  static final StructType SCHEMA = new StructType()
      .add("cust", DataTypes.StringType).add("day", DataTypes.DateType)
      .add("amt", DataTypes.createDecimalType(12, 2));
  private static final String[] ODD_IDS = {"\uD83D\uDE00a", "\uFFFDb", "\u00E9c", "Zed", "a,b"};

  static List<Transaction> random(long seed, int customers, int transactions) {
    Random rnd = new Random(seed);
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      ids.add(c < ODD_IDS.length && seed % 2 == 0 ? ODD_IDS[c] : "c" + rnd.nextInt(1000) + "-" + c);
    }
    List<Transaction> out = new ArrayList<>();
    for (int i = 0; i < transactions; i++) {
      String id = ids.get(i < customers ? i : rnd.nextInt(customers));
      LocalDate date = AS_OF.minusDays(rnd.nextInt(40) - 3);
      double amount = rnd.nextInt(10) == 0 ? -0.25 * rnd.nextInt(100) : 0.25 * rnd.nextInt(400);
      if (rnd.nextInt(4) == 0) {
        amount = 10;   // many equal totals
      }
      out.add(new Transaction(CustomerId.of(id), date, amount));
    }
    return out;
  }

  static Dataset<Row> frame(SparkSession spark, List<Transaction> txs) {
    List<Row> rows = new ArrayList<>();
    for (Transaction t : txs) {
      rows.add(RowFactory.create(t.customer().value(), java.sql.Date.valueOf(t.date()),
          new BigDecimal(t.amount()).setScale(2)));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static void check(long seed, int customers, int transactions, int tiles, TiePolicy ties,
      boolean alternativeMeasures) {
    List<Transaction> txs = random(seed, customers, transactions);
    RfmScorer scorer = RfmScorer.builder().tiles(tiles).ties(ties)
        .frequency(alternativeMeasures ? FrequencyMeasure.DISTINCT_DAYS : FrequencyMeasure.TRANSACTIONS)
        .monetary(alternativeMeasures ? MonetaryMeasure.MEAN : MonetaryMeasure.TOTAL).build();
    RfmResult expected = scorer.score(txs, AS_OF);
    SparkRfm rfm = SparkRfm.builder().scorer(scorer).columns("cust", "day", "amt").build();
    Dataset<Row> aggregates = rfm.aggregates(frame(SparkTestSession.get(), txs), AS_OF).cache();
    var model = rfm.fit(aggregates, AS_OF);
    String label = "seed " + seed + ", tiles " + tiles + ", " + ties + ", alt " + alternativeMeasures;
    assertThat(model).as(label).isEqualTo(expected.model());
    Dataset<Row> scored = rfm.score(aggregates, model);
    SegmentRules rules = tiles == 5 ? BuiltinSegments.standard10() : null;
    if (rules != null) {
      scored = rfm.segments(scored, rules);
    }
    Map<String, Row> byId = new HashMap<>();
    for (Row r : scored.collectAsList()) {
      byId.put(r.getString(r.fieldIndex("customer_id")), r);
    }
    assertThat(byId).as(label).hasSize(expected.size());
    for (RfmScore e : expected.scores()) {
      Row r = byId.get(e.customer().value());
      assertThat(r).as(label + " " + e.customer()).isNotNull();
      RfmScore actual = new RfmScore(e.customer(), r.getInt(r.fieldIndex("recency_days")),
          r.getInt(r.fieldIndex("frequency")), r.getDouble(r.fieldIndex("monetary")),
          r.getInt(r.fieldIndex("r")), r.getInt(r.fieldIndex("f")), r.getInt(r.fieldIndex("m")));
      assertThat(actual).as(label).isEqualTo(e);
      if (rules != null) {
        assertThat((String) r.getAs("segment")).as(label)
            .isEqualTo(rules.segmentOf(e).orElse(null));
      }
    }
    aggregates.unpersist();
  }

  @Test
  void equalsSingleMachineOnRandomPopulationsWithTiesAndReturns() {
    int[] tiles = {2, 3, 5, 7};
    // six seeds: every tile count, both tie policies, segments on two (the module's 60 s budget)
    for (long seed = 0; seed < 6; seed++) {
      check(seed, 20 + (int) seed * 7, 150, tiles[(int) seed % 4],
          seed % 2 == 0 ? TiePolicy.TIES_SHARE : TiePolicy.STABLE_SPLIT, seed % 3 == 2);
    }
  }

  @Test
  void stableSplitOrdersIdsAsCrmkitDoesNotAsUtf8() {
    check(2, 12, 30, 5, TiePolicy.STABLE_SPLIT, false);
    check(4, 8, 8, 4, TiePolicy.STABLE_SPLIT, true);
  }

  @Test
  void oneCustomer() {
    check(10, 1, 5, 5, TiePolicy.TIES_SHARE, false);
    check(11, 1, 1, 3, TiePolicy.STABLE_SPLIT, false);
  }

  @Test
  void noCustomerIsAnErrorAsOnOneMachine() {
    SparkRfm rfm = SparkRfm.builder().columns("cust", "day", "amt").build();
    Dataset<Row> empty = SparkTestSession.get().createDataFrame(List.of(), SCHEMA);
    assertThatThrownBy(() -> rfm.fit(rfm.aggregates(empty, AS_OF), AS_OF))
        .isInstanceOf(CrmException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> RfmScorer.defaults().score(List.of(), AS_OF))
        .isInstanceOf(CrmException.class).hasMessageContaining("at least one");
  }

  @Test
  void missingColumnIsNamed() {
    SparkRfm rfm = SparkRfm.builder().build();
    Dataset<Row> empty = SparkTestSession.get().createDataFrame(List.of(), SCHEMA);
    assertThatThrownBy(() -> rfm.aggregates(empty, AS_OF))
        .isInstanceOf(CrmException.class).hasMessageContaining("no column 'customer_id'");
  }
}
