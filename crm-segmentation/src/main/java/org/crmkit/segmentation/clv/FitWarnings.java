package org.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The warnings of a fitted purchase model, computed from its estimate and report. Not public API. */
final class FitWarnings {
  /** A shape parameter above this has no heterogeneity left to speak of. */
  static final double DIVERGED = 1e4;

  private FitWarnings() {}

  static List<FitWarning> of(PurchaseModel model, FitReport report) {
    List<FitWarning> out = new ArrayList<>();
    Map<String, Double> p = model.parameters();
    String name = model.kind().label();
    p.forEach((k, v) -> {
      if (Math.abs(Math.log(v)) >= MaximumLikelihood.BOUND - 1e-3) {
        out.add(new FitWarning("boundary", String.format(Locale.ROOT,
            "%s: parameter %s ran to the optimiser's bound (%s = %.6g): the maximum lies at or beyond it,"
                + " so %s is not a finite estimate and its standard error is meaningless", name, k, k, v, k)));
      }
    });
    switch (model.kind()) {
      case BG_NBD, MBG_NBD -> {
        double a = value(p, "a");
        double b = value(p, "b");
        if (a > DIVERGED && b > DIVERGED) {
          double mean = a / (a + b);
          out.add(new FitWarning("degenerate", String.format(Locale.ROOT,
              "%s: a = %.6g and b = %.6g ran off together: every customer has the same dropout probability"
                  + " p = a/(a+b) = %.4g after a purchase (no heterogeneity in dropout); as a, b -> infinity with"
                  + " p -> 0 the model is the NBD (nobody drops out), so P(alive) is close to 1 for everyone"
                  + " and does not tell churned customers apart; the data carry no dropout signal",
              name, a, b, mean)));
        } else if (a / (a + b) < 1e-4) {
          out.add(new FitWarning("degenerate", String.format(Locale.ROOT,
              "%s: the mean dropout probability a/(a+b) = %.3g (a = %.6g, b = %.6g) is practically 0: the model"
                  + " has degenerated to the NBD (nobody drops out), so P(alive) is close to 1 for everyone and"
                  + " does not tell churned customers apart; the data carry no dropout signal",
              name, a / (a + b), a, b)));
        }
        rateWarning(out, name, value(p, "r"), value(p, "alpha"));
      }
      case PARETO_NBD -> {
        double s = value(p, "s");
        double beta = value(p, "beta");
        if (s > DIVERGED && beta > DIVERGED) {
          out.add(new FitWarning("degenerate", String.format(Locale.ROOT,
              "%s: s = %.6g and beta = %.6g ran off together: every customer has the same dropout rate"
                  + " mu = s/beta = %.4g per period (no heterogeneity in lifetimes); P(alive) then depends only"
                  + " on the time since the last purchase and x", name, s, beta, s / beta)));
        }
        rateWarning(out, name, value(p, "r"), value(p, "alpha"));
      }
      case BG_BB -> {
        if (value(p, "alpha") > DIVERGED && value(p, "beta") > DIVERGED) {
          out.add(new FitWarning("degenerate", String.format(Locale.ROOT,
              "%s: alpha and beta ran off together: every customer has the same transaction probability"
                  + " p = %.4g", name, value(p, "alpha") / (value(p, "alpha") + value(p, "beta")))));
        }
        if (value(p, "gamma") > DIVERGED && value(p, "delta") > DIVERGED) {
          out.add(new FitWarning("degenerate", String.format(Locale.ROOT,
              "%s: gamma and delta ran off together: every customer has the same dropout probability"
                  + " theta = %.4g per opportunity", name, value(p, "gamma") / (value(p, "gamma") + value(p, "delta")))));
        }
      }
    }
    if (!report.converged()) {
      out.add(new FitWarning("not-converged", name + ": the optimiser stopped before meeting its tolerance"
          + " or at a bound; the estimate may not be the maximum"));
    }
    if (report.standardErrors().isEmpty()) {
      out.add(new FitWarning("not-identified", name + ": no standard errors: the log-likelihood is not"
          + " strictly concave at the estimate (flat in some direction or at a bound), so some parameters"
          + " are not identified by these data"));
    } else {
      List<String> weak = new ArrayList<>();
      report.standardErrors().forEach((k, se) -> {
        Double v = p.get(k);
        if (v != null && se > v) {
          weak.add(k);
        }
      });
      if (!weak.isEmpty()) {
        out.add(new FitWarning("weakly-identified", name + ": the standard errors of " + weak
            + " exceed their estimates: the data hardly pin them down"));
      }
    }
    return out;
  }

  /** A parameter the model declares (every kind's names are fixed). */
  static double value(Map<String, Double> p, String name) {
    Double v = p.get(name);
    if (v == null) {
      throw new IllegalStateException("the model has no parameter " + name + ": " + p.keySet());
    }
    return v;
  }

  private static void rateWarning(List<FitWarning> out, String name, double r, double alpha) {
    if (r > DIVERGED && alpha > DIVERGED) {
      out.add(new FitWarning("degenerate", String.format(Locale.ROOT,
          "%s: r and alpha ran off together: every customer buys at the same rate lambda = r/alpha = %.4g"
              + " per period (no heterogeneity in purchase rates)", name, r / alpha)));
    }
  }
}
