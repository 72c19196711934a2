package org.crmkit.segmentation.clv;

import org.crmkit.core.model.CustomerId;

/**
 * One customer's predictions as of the model's calibration end. Immutable.
 *
 * @param customer the customer
 * @param probabilityAlive BG/NBD probability that the customer is still active, in [0, 1]
 * @param expectedPurchases BG/NBD expected purchases in the horizon
 * @param expectedSpend Gamma-Gamma expected spend per purchase (0 for a repeat buyer whose mean
 *     spend is &lt;= 0)
 * @param clv expected discounted value of the purchases in the horizon (see {@link ClvModel#predict})
 */
public record CustomerPrediction(
    CustomerId customer,
    double probabilityAlive,
    double expectedPurchases,
    double expectedSpend,
    double clv) {}
