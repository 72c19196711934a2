package org.crmkit.segmentation.rfm;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;

/**
 * Transactions stored column-wise in primitive arrays: customer index, day number ({@link
 * LocalDate#toEpochDay()}) and amount. The allocation-free input of RFM scoring for tens of millions
 * of transactions: 16 bytes per transaction, no object per row.
 *
 * <p>Customers are numbered {@code 0 .. customerCount - 1}; {@link #customerId(int)} names them.
 * Under {@link TiePolicy#STABLE_SPLIT} ties are broken by index, so index order must equal the
 * order of the customer ids (this is checked when scoring with that policy).
 *
 * <p>Immutable once built (the arrays are owned by this object; {@link Builder} hands them over
 * without copying when it is full); thread-safe.
 *
 * <pre>{@code
 * TransactionColumns.Builder b = TransactionColumns.builder(2, i -> CustomerId.of("c" + i), 3);
 * b.add(0, LocalDate.parse("1998-06-01"), 10.0).add(1, LocalDate.parse("1998-06-02"), 5.0);
 * TransactionColumns cols = b.build();
 * }</pre>
 */
public final class TransactionColumns {
  private final int customerCount;
  private final IntFunction<CustomerId> ids;
  private final int[] customers;
  private final int[] days;
  private final double[] amounts;
  private final int size;

  private TransactionColumns(
      int customerCount, IntFunction<CustomerId> ids, int[] customers, int[] days,
      double[] amounts, int size) {
    this.customerCount = customerCount;
    this.ids = ids;
    this.customers = customers;
    this.days = days;
    this.amounts = amounts;
    this.size = size;
  }

  /**
   * A builder for {@code customerCount} customers named by {@code ids}, pre-sized for {@code
   * expectedSize} transactions (it grows as needed).
   *
   * @throws CrmException if {@code customerCount} or {@code expectedSize} is negative
   */
  public static Builder builder(int customerCount, IntFunction<CustomerId> ids, int expectedSize) {
    if (customerCount < 0) {
      throw new CrmException("customerCount must be >= 0, but was " + customerCount);
    }
    if (expectedSize < 0) {
      throw new CrmException("expectedSize must be >= 0, but was " + expectedSize);
    }
    return new Builder(customerCount, ids, expectedSize);
  }

  /** The number of transactions. */
  public int size() {
    return size;
  }

  /** The number of customers (indices {@code 0 .. customerCount - 1}). */
  public int customerCount() {
    return customerCount;
  }

  /** The id of the customer with index {@code index}. */
  public CustomerId customerId(int index) {
    return ids.apply(index);
  }

  /** The customer index of transaction {@code i}. */
  public int customer(int i) {
    return customers[i];
  }

  /** The day number ({@code LocalDate.toEpochDay()}) of transaction {@code i}. */
  public int day(int i) {
    return days[i];
  }

  /** The amount of transaction {@code i}. */
  public double amount(int i) {
    return amounts[i];
  }

  int[] customersArray() {
    return customers;
  }

  int[] daysArray() {
    return days;
  }

  double[] amountsArray() {
    return amounts;
  }

  IntFunction<CustomerId> ids() {
    return ids;
  }

  /**
   * Appends transactions, validating each; not thread-safe. Each {@code add} is amortised O(1).
   */
  public static final class Builder {
    private final int customerCount;
    private final IntFunction<CustomerId> ids;
    private int[] customers;
    private int[] days;
    private double[] amounts;
    private int size;

    private Builder(int customerCount, IntFunction<CustomerId> ids, int expectedSize) {
      this.customerCount = customerCount;
      this.ids = ids;
      this.customers = new int[expectedSize];
      this.days = new int[expectedSize];
      this.amounts = new double[expectedSize];
    }

    /**
     * Appends a transaction.
     *
     * @throws CrmException if the customer index is out of range or the amount is not finite
     */
    public Builder add(int customer, int epochDay, double amount) {
      if (customer < 0 || customer >= customerCount) {
        throw new CrmException("customer index must be in [0, " + customerCount + "), but was "
            + customer + " (transaction " + size + ")");
      }
      if (!Double.isFinite(amount)) {
        throw new CrmException("amount must be a finite number, but was " + amount
            + " (transaction " + size + ")");
      }
      if (size == customers.length) {
        int capacity = Math.max(16, customers.length + (customers.length >> 1));
        customers = Arrays.copyOf(customers, capacity);
        days = Arrays.copyOf(days, capacity);
        amounts = Arrays.copyOf(amounts, capacity);
      }
      customers[size] = customer;
      days[size] = epochDay;
      amounts[size] = amount;
      size++;
      return this;
    }

    /** Appends a transaction dated {@code date}. */
    public Builder add(int customer, LocalDate date, double amount) {
      long day = date.toEpochDay();
      if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
        throw new CrmException("date must be within ±5.8 million years of 1970, but was " + date);
      }
      return add(customer, (int) day, amount);
    }

    /** The number of transactions added so far. */
    public int size() {
      return size;
    }

    /**
     * Builds the columns; the builder must not be used afterwards (its arrays are handed over).
     */
    public TransactionColumns build() {
      TransactionColumns c = new TransactionColumns(customerCount, ids, customers, days, amounts, size);
      customers = new int[0];
      days = new int[0];
      amounts = new double[0];
      size = 0;
      return c;
    }
  }
}
