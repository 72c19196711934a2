package org.crmkit.segmentation.clv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over log-parameters with Hipparchus' BOBYQA (restarted once from its
 * own optimum), then estimates standard errors from a central-difference Hessian. Not part of the
 * public API.
 */
final class MaximumLikelihood {
  static final double BOUND = 25;
  private static final double HESSIAN_STEP = 1e-4;
  private static final int MAX_EVALUATIONS = 20_000;

  /** The estimate in natural parameters with its report. */
  record Estimate(double[] parameters, FitReport report) {}

  private MaximumLikelihood() {}

  /**
   * Maximises {@code logLikelihood(θ)} where θ is the vector of log-parameters.
   *
   * @throws DegenerateDataException if the log-likelihood is not finite at the estimate
   */
  static Estimate maximize(ToDoubleFunction<double[]> logLikelihood, double[] start, String[] names,
      int observations, String model) {
    int n = start.length;
    // BOBYQA does not count its iterations; an iteration here is an evaluation that improved
    // the best log-likelihood so far (an accepted step)
    double[] bestSoFar = {Double.NEGATIVE_INFINITY};
    int[] improvements = {0};
    ObjectiveFunction objective = new ObjectiveFunction(theta -> {
      double v = logLikelihood.applyAsDouble(theta);
      if (!Double.isFinite(v)) {
        return -1e100;
      }
      if (v > bestSoFar[0]) {
        bestSoFar[0] = v;
        improvements[0]++;
      }
      return v;
    });
    double[] lower = new double[n];
    double[] upper = new double[n];
    java.util.Arrays.fill(lower, -BOUND);
    java.util.Arrays.fill(upper, BOUND);
    double[] point = start.clone();
    int iterations = 0;
    int evaluations = 0;
    boolean converged = true;
    for (int round = 0; round < 2; round++) {
      BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, round == 0 ? 1.0 : 0.01, 1e-9);
      try {
        PointValuePair best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective,
            GoalType.MAXIMIZE, new InitialGuess(point), new SimpleBounds(lower, upper));
        point = best.getPoint();
      } catch (MathIllegalStateException e) {
        converged = false;
      }
      evaluations += optimizer.getEvaluations();
    }
    iterations = improvements[0];
    double ll = logLikelihood.applyAsDouble(point);
    if (!Double.isFinite(ll)) {
      throw new DegenerateDataException(model + " fit failed: the log-likelihood is " + ll
          + " at the estimate; the data do not identify the model");
    }
    double[] natural = new double[n];
    for (int i = 0; i < n; i++) {
      natural[i] = Math.exp(point[i]);
      if (Math.abs(point[i]) > BOUND - 1e-3) {
        converged = false;
      }
    }
    Map<String, Double> errors = standardErrors(logLikelihood, point, ll, natural, names);
    return new Estimate(natural,
        new FitReport(ll, errors, iterations, evaluations, converged, observations));
  }

  /**
   * Standard errors of the natural parameters: the Hessian is taken in log space, where the
   * likelihood is better scaled; at a maximum the gradient vanishes, so {@code SE(θ) = θ ·
   * SE(ln θ)} exactly (delta method).
   */
  private static Map<String, Double> standardErrors(ToDoubleFunction<double[]> f, double[] x,
      double fx, double[] natural, String[] names) {
    int n = x.length;
    double h = HESSIAN_STEP;
    double[][] negH = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double v;
        if (i == j) {
          v = (at(f, x, i, h, j, 0) - 2 * fx + at(f, x, i, -h, j, 0)) / (h * h);
        } else {
          v = (at(f, x, i, h, j, h) - at(f, x, i, h, j, -h) - at(f, x, i, -h, j, h)
              + at(f, x, i, -h, j, -h)) / (4 * h * h);
        }
        negH[i][j] = -v;
        negH[j][i] = -v;
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    try {
      RealMatrix cov = new CholeskyDecomposition(new Array2DRowRealMatrix(negH, false), 1e-12, 1e-14)
          .getSolver().getInverse();
      for (int i = 0; i < n; i++) {
        double se = natural[i] * Math.sqrt(cov.getEntry(i, i));
        if (!Double.isFinite(se)) {
          return Map.of();
        }
        out.put(names[i], se);
      }
    } catch (MathIllegalArgumentException e) {
      return Map.of();
    }
    return out;
  }

  private static double at(ToDoubleFunction<double[]> f, double[] x, int i, double di, int j, double dj) {
    double[] y = x.clone();
    y[i] += di;
    y[j] += dj;
    return f.applyAsDouble(y);
  }
}
