package org.crmkit.segmentation.clv;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.List;
import org.crmkit.core.CrmException;

/**
 * The three parameters of the Gamma-Gamma spend model (Fader &amp; Hardie), and its per-customer
 * formulas. Each purchase amount of a customer is Gamma(shape {@code p}, rate ν); ν varies across
 * customers as Gamma(shape {@code q}, rate {@code gamma}); spend is independent of the purchase
 * process. Immutable and thread-safe; every method is O(1) unless noted.
 *
 * <p><b>Repeat buyers with zero or negative mean spend</b> (returns, free items) are outside the
 * model, which needs positive amounts: they are left out of the fit, and their expected spend is
 * 0 (so their lifetime value is 0): the data give no evidence that they will ever pay, and a
 * conservative zero keeps them out of the top value tiers.
 *
 * @param p shape of the per-purchase amount distribution (&gt; 0)
 * @param q shape of the distribution of the rate ν (&gt; 0)
 * @param gamma rate of the distribution of ν (&gt; 0, in currency units)
 */
public record GammaGammaParameters(double p, double q, double gamma) {

  /**
   * Creates the parameters.
   *
   * @throws CrmException naming the parameter if one is not a finite positive number
   */
  public GammaGammaParameters {
    BgNbdParameters.positive("p", p);
    BgNbdParameters.positive("q", q);
    BgNbdParameters.positive("gamma", gamma);
  }

  /**
   * The log-likelihood of a repeat buyer's mean spend m̄ over x purchases: the density of m̄ is
   * {@code Γ(px+q)/(Γ(px)Γ(q)) · γ^q m̄^{px−1} x^{px} / (γ + m̄x)^{px+q}}, evaluated as
   * {@code ln Γ(px+q) − ln Γ(px) − ln Γ(q) − ln m̄ − px ln(1 + γ/(m̄x)) − q ln(1 + m̄x/γ)} so that
   * it stays accurate for large p, q and γ.
   *
   * @throws CrmException if the customer has no repeat purchase or a mean spend &lt;= 0
   */
  public double logLikelihood(CustomerSummary c) {
    int x = c.repeatPurchases();
    double m = c.meanRepeatSpend();
    if (x == 0 || !(m > 0)) {
      throw new CrmException("the Gamma-Gamma likelihood needs x > 0 and a mean spend > 0, but customer "
          + c.customer() + " has x = " + x + " and mean spend " + m);
    }
    double px = p * x;
    // q ln γ − q ln(γ+m̄x) and px ln(m̄x) − px ln(γ+m̄x) as log1p terms: no cancellation of
    // huge logs when p, q or γ is large
    double xm = x * m;
    // ln Γ(px+q) − ln Γ(px) − ln Γ(q) grouped so the larger argument is in the ratio
    double big = Math.max(px, q);
    double small = Math.min(px, q);
    return BgNbdMath.logGammaRatio(big, small) - logGamma(small) - Math.log(m)
        - px * Math.log1p(gamma / xm) - q * Math.log1p(xm / gamma);
  }

  /**
   * The total log-likelihood of the repeat buyers with positive mean spend among {@code
   * customers} (the others are skipped, as in the fit); O(n).
   */
  public double logLikelihood(List<CustomerSummary> customers) {
    double sum = 0;
    for (CustomerSummary c : customers) {
      if (c.repeatPurchases() > 0 && c.meanRepeatSpend() > 0) {
        sum += logLikelihood(c);
      }
    }
    return sum;
  }

  /**
   * The mean spend per purchase over the population, {@code pγ/(q−1)}.
   *
   * @throws CrmException if {@code q <= 1}, where the mean is infinite, or it overflows a double
   */
  public double populationMeanSpend() {
    if (!(q > 1)) {
      throw new CrmException("the Gamma-Gamma population mean spend p*gamma/(q-1) needs q > 1, but q = " + q);
    }
    return BgNbdParameters.finite("population mean spend", p * gamma / (q - 1));
  }

  /**
   * The customer's expected spend per future purchase, the conditional expectation
   * {@code p(γ + m̄x)/(px + q − 1)}, a weighted mean of the population mean and the customer's own
   * m̄. A customer without repeat purchase gets the population mean; a repeat buyer with zero or
   * negative mean spend gets 0 (see the type's documentation).
   *
   * @throws CrmException if {@code q <= 1} and the customer has no repeat purchase, or
   *     {@code px + q <= 1} (the expectation is infinite), or it overflows a double
   */
  public double expectedSpend(CustomerSummary c) {
    int x = c.repeatPurchases();
    if (x == 0) {
      return populationMeanSpend();
    }
    double m = c.meanRepeatSpend();
    if (!(m > 0)) {
      return 0.0;
    }
    double denominator = p * x + q - 1;
    if (!(denominator > 0)) {
      throw new CrmException("the Gamma-Gamma expected spend needs p*x + q > 1, but p*x + q = " + (p * x + q));
    }
    return BgNbdParameters.finite("expected spend", p * (gamma + m * x) / denominator);
  }
}
