package org.crmkit.segmentation.clv;

import java.util.function.ToDoubleFunction;
import org.crmkit.core.CrmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood fits of Pareto/NBD, MBG/NBD and BG/BB over merged weighted rows. Not part of
 * the public API.
 */
final class PurchaseFitting {
  private static final Logger LOG = LoggerFactory.getLogger(PurchaseFitting.class);

  /** A per-row log-likelihood in natural parameters. */
  interface RowLikelihood {
    double at(double[] p, int x, double tx, double bigT);
  }

  /** Per-evaluation preparation: returns the row likelihood for these parameters. */
  interface Prepared {
    RowLikelihood at(double[] p);
  }

  private PurchaseFitting() {}

  static PurchaseFit fit(PurchaseModelKind kind, WeightedSummaries data) {
    SummaryRows rows;
    Prepared ll;
    double[] start;
    switch (kind) {
      case PARETO_NBD -> {
        rows = BgNbd.checked(data, "Pareto/NBD");
        double rate = rows.weightedX / rows.weightedT;
        start = new double[] {0, Math.log(1 / rate), Math.log(0.5), Math.log(rows.weightedT / rows.totalWeight)};
        int maxX = rows.maxX;
        ll = p -> {
          // the log-gamma ratios depend on x only: once per evaluation and distinct x
          double[] shared = new double[maxX + 1];
          double constant = p[0] * Math.log(p[1]) + p[2] * Math.log(p[3]);
          for (int x = 0; x <= maxX; x++) {
            shared[x] = BgNbdMath.logGammaRatio(p[0], x) + constant;
          }
          return (q, x, tx, t) -> shared[x] + ParetoNbdParameters.logBracket(q[0], q[1], q[2], q[3], x, tx, t);
        };
      }
      case MBG_NBD -> {
        rows = BgNbd.checked(data, "MBG/NBD");
        double rate = rows.weightedX / rows.weightedT;
        start = new double[] {0, Math.log(1 / rate), 0, 0};
        ll = p -> (q, x, tx, t) -> MbgNbdParameters.logLikelihood(q[0], q[1], q[2], q[3], x, tx, t);
      }
      case BG_BB -> {
        rows = BgNbd.checked(data, "BG/BB");
        for (CustomerSummary c : data.customers()) {
          BgBbParameters.discrete(c);
        }
        start = new double[] {0, 0, 0, 0};
        ll = p -> (q, x, tx, t) -> BgBbParameters.logLikelihood(q[0], q[1], q[2], q[3], x, (int) tx, (int) t);
      }
      default -> throw new IllegalStateException("no generic fit for " + kind);
    }
    SummaryRows r = rows;
    Prepared prepared = ll;
    ToDoubleFunction<double[]> objective = theta -> {
      double[] p = new double[theta.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = Math.exp(theta[i]);
      }
      double sum = 0;
      try {
        RowLikelihood f = prepared.at(p);
        for (int i = 0; i < r.size(); i++) {
          sum += r.weight[i] * f.at(p, r.x[i], r.tx[i], r.bigT[i]);
        }
      } catch (CrmException e) {
        return Double.NaN;
      }
      return sum;
    };
    MaximumLikelihood.Estimate e = MaximumLikelihood.maximize(objective, start,
        kind.parameterNames().toArray(new String[0]), (int) Math.round(rows.totalWeight), kind.label());
    PurchaseFit fit = PurchaseFit.of(kind.create(e.parameters()), e.report());
    LOG.debug("{} fitted on {} customers: {} {}", kind.label(), rows.totalWeight, fit.model(), fit.report());
    return fit;
  }
}
