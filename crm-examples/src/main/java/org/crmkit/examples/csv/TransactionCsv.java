package org.crmkit.examples.csv;

import java.io.BufferedReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.examples.cli.InvalidInputException;

/**
 * Reads the transaction CSV shared by {@code crmkit rfm} and {@code crmkit clv}: header {@code
 * customer_id,date,amount}, ISO {@code yyyy-MM-dd} dates, decimal amounts (negative for returns).
 */
public final class TransactionCsv {
  /** The exact header. */
  public static final List<String> HEADER = List.of("customer_id", "date", "amount");

  private TransactionCsv() {}

  /**
   * Reads every transaction.
   *
   * @throws InvalidInputException naming the line and the reason for the first malformed row
   */
  public static List<Transaction> read(BufferedReader in) {
    List<Transaction> out = new ArrayList<>();
    for (Csv.Row row : Csv.read(in, HEADER)) {
      out.add(parse(row));
    }
    return out;
  }

  /** Parses one data row. */
  public static Transaction parse(Csv.Row row) {
    String id = row.get(0);
    if (id.isEmpty()) {
      throw new InvalidInputException(List.of("line " + row.line() + ": customer_id is empty"));
    }
    LocalDate date;
    try {
      date = LocalDate.parse(row.get(1));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(List.of("line " + row.line() + ": date '" + row.get(1)
          + "' is not an ISO date (yyyy-MM-dd)"));
    }
    double amount;
    try {
      amount = Double.parseDouble(row.get(2));
    } catch (NumberFormatException e) {
      amount = Double.NaN;
    }
    if (!Double.isFinite(amount) || row.get(2).isEmpty()
        || !row.get(2).matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
      throw new InvalidInputException(List.of("line " + row.line() + ": amount '" + row.get(2)
          + "' is not a decimal number"));
    }
    return new Transaction(CustomerId.of(id), date, amount);
  }
}
