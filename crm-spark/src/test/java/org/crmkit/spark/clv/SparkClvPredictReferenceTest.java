package org.crmkit.spark.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.CustomerPrediction;
import org.crmkit.segmentation.clv.FitReport;
import org.crmkit.segmentation.clv.GammaGammaFit;
import org.crmkit.segmentation.clv.GammaGammaParameters;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.spark.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkClv#predict} against the single-machine engine ({@link ClvData} and {@link
 * ClvModel#predict(List, int, double)}) on random transactions with returns, several purchases a
 * day and customers first seen after the calibration end; one customer; no transactions. Every
 * value must be equal, bit for bit: the summaries are the same numbers and the model travels as
 * its JSON document, which reads back equal.
 */
class SparkClvPredictReferenceTest {
  static final LocalDate END = LocalDate.of(1997, 9, 30);
  static final StructType TRANSACTIONS = new StructType()
      .add("customer_id", DataTypes.StringType)
      .add("date", DataTypes.StringType)
      .add("amount", DataTypes.StringType);

  static ClvModel model(PurchaseModelKind kind, PeriodUnit unit) {
    FitReport report = new FitReport(-1, Map.of(), 0, 0, true, 1);
    Map<String, Double> p = new HashMap<>();
    List<String> names = kind.parameterNames();
    double[] values = {0.243, 4.414, 0.793, 2.426};
    for (int i = 0; i < names.size(); i++) {
      p.put(names.get(i), values[i] * (unit == PeriodUnit.DAY && i == 1 ? 7 : 1));
    }
    return new ClvModel(END, unit, PurchaseFit.of(kind.create(p), report),
        new GammaGammaFit(new GammaGammaParameters(6.25, 3.74, 15.44), report, 0));
  }

  /** n transactions of about n / 5 customers around the calibration end, amounts in cents. */
  static List<String[]> random(Random rnd, int n) {
    List<String[]> out = new ArrayList<>();
    int customers = Math.max(1, n / 5);
    for (int i = 0; i < n; i++) {
      String id = "c" + rnd.nextInt(customers);
      LocalDate day = END.minusDays(rnd.nextInt(400) - 30);
      String amount = rnd.nextInt(10) == 0 ? "-" + rnd.nextInt(40) + ".25"
          : rnd.nextInt(4) == 0 ? "20" : rnd.nextInt(200) + "." + String.format("%02d", rnd.nextInt(100));
      out.add(new String[] {id, day.toString(), amount});
    }
    return out;
  }

  static void assertSamePredictions(List<String[]> rows, ClvModel model, int horizon, double discount) {
    List<Row> spark = new ArrayList<>();
    List<Transaction> local = new ArrayList<>();
    for (String[] r : rows) {
      spark.add(RowFactory.create((Object[]) r));
      local.add(Transaction.of(r[0], LocalDate.parse(r[1]), Double.parseDouble(r[2])));
    }
    Dataset<Row> tx = SparkTestSession.get().createDataFrame(spark, TRANSACTIONS);
    List<Row> got = SparkClv.predict(tx, model, horizon, discount).collectAsList();
    List<CustomerPrediction> want = model.predict(
        ClvData.of(local, model.calibrationEnd(), model.unit()).customers(), horizon, discount).customers();
    Map<String, Row> byId = new HashMap<>();
    for (Row r : got) {
      assertThat(byId.put(r.getString(0), r)).as("duplicate %s", r.getString(0)).isNull();
    }
    assertThat(byId.keySet()).as("customers").hasSameSizeAs(want);
    for (CustomerPrediction p : want) {
      Row r = byId.get(p.customer().value());
      assertThat(r).as("customer %s", p.customer()).isNotNull();
      assertThat(List.of(r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4)))
          .as("customer %s (%s)", p.customer(), model.purchases().model().kind())
          .containsExactly(p.probabilityAlive(), p.expectedPurchases(), p.expectedSpend(), p.clv());
    }
  }

  @Test
  void predictionsEqualTheSingleMachineOnRandomData() {
    Random rnd = new Random(16);
    List<String[]> rows = random(rnd, 3000);
    for (PurchaseModelKind kind : List.of(PurchaseModelKind.BG_NBD, PurchaseModelKind.PARETO_NBD,
        PurchaseModelKind.MBG_NBD)) {
      assertSamePredictions(rows, model(kind, PeriodUnit.WEEK), 52, 0.01);
    }
    assertSamePredictions(random(rnd, 500), model(PurchaseModelKind.BG_NBD, PeriodUnit.DAY), 365, 0);
  }

  @Test
  void oneCustomerAndNoTransactions() {
    ClvModel m = model(PurchaseModelKind.BG_NBD, PeriodUnit.WEEK);
    assertSamePredictions(List.of(new String[] {"solo", "1997-03-01", "10.50"},
        new String[] {"solo", "1997-03-01", "4.50"}, new String[] {"solo", "1997-08-11", "-3"}), m, 52, 0.01);
    assertSamePredictions(List.<String[]>of(new String[] {"late", "1997-10-01", "10"}), m, 10, 0);
    assertSamePredictions(List.of(), m, 10, 0);
  }

  @Test
  void badHorizonOrDiscountFailsOnTheDriverWithCrmkitsMessage() {
    Dataset<Row> none = SparkTestSession.get().createDataFrame(List.of(), TRANSACTIONS);
    ClvModel m = model(PurchaseModelKind.BG_NBD, PeriodUnit.WEEK);
    assertThatThrownBy(() -> SparkClv.predict(none, m, 0, 0))
        .isInstanceOf(CrmException.class).hasMessageContaining("horizon must be >= 1");
    assertThatThrownBy(() -> SparkClv.predict(none, m, 52, -0.1))
        .isInstanceOf(CrmException.class).hasMessageContaining("discount");
  }
}
