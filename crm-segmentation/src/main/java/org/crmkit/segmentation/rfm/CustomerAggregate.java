package org.crmkit.segmentation.rfm;

import java.time.LocalDate;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.CustomerId;

/**
 * What RFM needs to know about one customer's purchases: the last purchase day, the number of
 * transactions and of distinct purchase days, and the total amount (negative amounts, i.e.
 * returns, included). Immutable.
 *
 * @param customer the customer
 * @param lastPurchase the day of the latest transaction
 * @param transactions the number of transactions, at least 1
 * @param purchaseDays the number of distinct days with a transaction, 1..transactions
 * @param total the sum of the amounts, finite
 */
public record CustomerAggregate(
    CustomerId customer, LocalDate lastPurchase, int transactions, int purchaseDays, double total) {

  /**
   * Creates an aggregate.
   *
   * @throws CrmException if a part is missing, a count is out of range or the total not finite
   */
  public CustomerAggregate {
    Checks.present("CustomerAggregate.customer", customer);
    Checks.present("CustomerAggregate.lastPurchase", lastPurchase);
    if (transactions < 1) {
      throw new CrmException("CustomerAggregate.transactions of '" + customer
          + "' must be >= 1, but was " + transactions);
    }
    if (purchaseDays < 1 || purchaseDays > transactions) {
      throw new CrmException("CustomerAggregate.purchaseDays of '" + customer + "' must be in [1, "
          + transactions + "], but was " + purchaseDays);
    }
    if (!Double.isFinite(total)) {
      throw new CrmException("CustomerAggregate.total of '" + customer
          + "' must be finite, but was " + total);
    }
  }
}
