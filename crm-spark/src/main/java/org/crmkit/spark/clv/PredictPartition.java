package org.crmkit.spark.clv;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.crmkit.core.model.CustomerId;
import org.crmkit.json.ClvModelJson;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.CustomerPrediction;
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.PeriodUnit;

/**
 * Scores one partition of {@link SparkClv#summaries} with a model shipped as its JSON document
 * (read once per partition), in batches, so that {@link ClvModel#predict(List, int, double)}
 * computes each distinct (x, T) curve and (x, t_x, T) P(alive) once per batch.
 */
final class PredictPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final int BATCH = 4096;

  private final String modelJson;
  private final int horizon;
  private final double discount;

  PredictPartition(String modelJson, int horizon, double discount) {
    this.modelJson = modelJson;
    this.horizon = horizon;
    this.discount = discount;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> summaries) {
    ClvModel model = ClvModelJson.DOCUMENT.read(modelJson);
    PeriodUnit unit = model.unit();
    return new Iterator<>() {
      private List<CustomerPrediction> batch = List.of();
      private int next;

      @Override
      public boolean hasNext() {
        while (next == batch.size() && summaries.hasNext()) {
          List<CustomerSummary> customers = new ArrayList<>(BATCH);
          while (customers.size() < BATCH && summaries.hasNext()) {
            Row r = summaries.next();
            // the columns of SparkClv.summaries, in its order
            int x = r.getInt(1);
            customers.add(new CustomerSummary(CustomerId.of(r.getString(0)), x,
                x == 0 ? 0 : SparkClv.periods(r.getInt(2), unit), SparkClv.periods(r.getInt(3), unit),
                SparkClv.meanSpend(x, r.isNullAt(4) ? null : r.getDecimal(4)), 0));
          }
          batch = model.predict(customers, horizon, discount).customers();
          next = 0;
        }
        return next < batch.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        CustomerPrediction p = batch.get(next++);
        return RowFactory.create(p.customer().value(), p.probabilityAlive(), p.expectedPurchases(),
            p.expectedSpend(), p.clv());
      }
    };
  }
}
