package org.crmkit.core.model;

import java.time.LocalDate;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;

/**
 * One purchase (or, with a negative amount, a return) by a customer on a calendar day: the input
 * of RFM scoring and lifetime-value models. Immutable.
 *
 * @param customer who bought
 * @param date the calendar day of the purchase
 * @param amount the amount in the host's currency; negative for returns; finite
 */
public record Transaction(CustomerId customer, LocalDate date, double amount) {

  /**
   * Creates a transaction.
   *
   * @throws CrmException if a part is missing or {@code amount} is NaN or infinite
   */
  public Transaction {
    Checks.present("Transaction.customer", customer);
    Checks.present("Transaction.date", date);
    if (!Double.isFinite(amount)) {
      throw new CrmException("Transaction.amount must be a finite number, but was " + amount);
    }
  }

  /** Shorthand for {@code new Transaction(CustomerId.of(customer), date, amount)}. */
  public static Transaction of(String customer, LocalDate date, double amount) {
    return new Transaction(CustomerId.of(customer), date, amount);
  }
}
