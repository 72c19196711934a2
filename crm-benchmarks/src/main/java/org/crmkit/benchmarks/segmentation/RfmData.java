package org.crmkit.benchmarks.segmentation;

import java.time.LocalDate;
import org.crmkit.segmentation.rfm.TransactionColumns;
import org.crmkit.testkit.CrmGenerators;

/**
 * The shared benchmark data: seeded, skewed transactions from crm-testkit, with amounts rounded to
 * quarter units so that every sum is exact in binary floating point. Then totals do not depend on
 * summation order, and crmkit and DuckDB (which sums in its own order) agree on every tie; with
 * cent amounts, sums in different orders can differ in the last bit and move a rare exactly-tied
 * customer across a cut.
 */
final class RfmData {
  static final LocalDate FROM = LocalDate.parse("2023-01-01");
  static final LocalDate TO = LocalDate.parse("2024-12-31");
  static final LocalDate AS_OF = LocalDate.parse("2025-01-01");
  static final long SEED = 20_261_122L;

  private RfmData() {}

  static TransactionColumns generate(int customers, int transactions) {
    TransactionColumns cents = CrmGenerators.transactionColumns(customers, transactions, FROM, TO)
        .sample(SEED);
    TransactionColumns.Builder b =
        TransactionColumns.builder(customers, CrmGenerators::customerId, transactions);
    for (int i = 0; i < cents.size(); i++) {
      b.add(cents.customer(i), cents.day(i), Math.round(cents.amount(i) * 4) / 4.0);
    }
    return b.build();
  }

  /** A checksum of the scores of every customer: sum of (100 r + 10 f + m) × (index + 1). */
  static long checksum(int customers, java.util.function.IntUnaryOperator code) {
    long sum = 0;
    for (int i = 0; i < customers; i++) {
      sum += (long) code.applyAsInt(i) * (i + 1);
    }
    return sum;
  }
}
