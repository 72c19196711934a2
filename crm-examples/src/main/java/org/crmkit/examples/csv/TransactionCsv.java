package org.crmkit.examples.csv;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.examples.cli.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the transaction CSV shared by {@code crmkit rfm} and {@code crmkit clv}: header {@code
 * customer_id,date,amount}, ISO {@code yyyy-MM-dd} dates, decimal amounts (negative for returns).
 */
public final class TransactionCsv {
  /** The exact header. */
  public static final List<String> HEADER = List.of("customer_id", "date", "amount");

  private TransactionCsv() {}

  /** Problems kept in full; beyond this many, only their number is reported. */
  static final int MAX_PROBLEMS = 100;

  /**
   * Amounts must be below this magnitude (10^15 money units): finite, and summed exactly in cents
   * without overflow for millions of rows.
   */
  public static final double MAX_AMOUNT = 1e15;

  /**
   * Reads every transaction.
   *
   * @throws InvalidInputException naming the line and the reason of every malformed row (the
   *     first {@value #MAX_PROBLEMS} in full, then their number)
   */
  public static List<Transaction> read(Reader in) {
    List<Transaction> out = new ArrayList<>();
    stream(in, (line, id, day, amount) ->
        out.add(new Transaction(CustomerId.of(id), LocalDate.ofEpochDay(day), amount)));
    return out;
  }

  /** Parses one data row. */
  public static Transaction parse(Csv.Row row) {
    List<String> problems = new ArrayList<>();
    Transaction t = parse(row, problems);
    if (t == null) {
      throw new InvalidInputException(problems);
    }
    return t;
  }

  private static @Nullable Transaction parse(Csv.Row row, List<String> problems) {
    if (row.fields().size() != HEADER.size()) {
      problems.add(Csv.fieldCount(row, HEADER));
      return null;
    }
    int before = problems.size();
    String id = row.get(0);
    if (id.isEmpty()) {
      problems.add("line " + row.line() + ": customer_id is empty");
    }
    int day = day(row.get(1), row.line(), problems);
    double amount = amount(row.get(2), row.line(), problems);
    if (problems.size() > before) {
      return null;
    }
    return new Transaction(CustomerId.of(id), LocalDate.ofEpochDay(day), amount);
  }

  /** Receives the rows of {@link #stream}; called once per data row, in file order. */
  @FunctionalInterface
  public interface RowSink {
    /**
     * One valid row.
     *
     * @param line the 1-based line number in the file
     * @param customerId the customer id, not empty
     * @param epochDay the date as {@code LocalDate.toEpochDay()}
     * @param amount the amount, finite
     */
    void accept(int line, String customerId, int epochDay, double amount);
  }

  /**
   * Reads the file row by row without building a list or a {@link Transaction} per row: the
   * same format and checks as {@link #read}, for inputs of tens of millions of rows. Every row is
   * checked; valid rows reach the sink even when others are malformed, and all problems are
   * thrown together at the end.
   *
   * @return the number of data rows
   * @throws InvalidInputException naming the line and the reason of every malformed row (the
   *     first {@value #MAX_PROBLEMS} in full, then their number)
   */
  public static long stream(Reader in, RowSink sink) {
    List<String> problems = new ArrayList<>();
    long[] counts = new long[2]; // rows, problems beyond MAX_PROBLEMS
    try {
      Csv.forEach(in, HEADER, row -> {
        counts[0]++;
        List<String> found = new ArrayList<>(1);
        if (row.fields().size() != HEADER.size()) {
          found.add(Csv.fieldCount(row, HEADER));
        } else {
          String id = row.get(0);
          if (id.isEmpty()) {
            found.add("line " + row.line() + ": customer_id is empty");
          }
          int day = day(row.get(1), row.line(), found);
          double amount = amount(row.get(2), row.line(), found);
          if (found.isEmpty()) {
            sink.accept(row.line(), id, day, amount);
          }
        }
        for (String p : found) {
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
          } else {
            counts[1]++;
          }
        }
      });
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    if (counts[1] > 0) {
      problems.add("... and " + counts[1] + " more malformed row" + (counts[1] == 1 ? "" : "s")
          + " (" + (problems.size() + counts[1]) + " problems in all)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return counts[0];
  }

  /**
   * The one date rule of every transaction CSV ({@code crmkit rfm}, {@code crmkit clv}): an ISO
   * calendar date {@code yyyy-MM-dd} with a four-digit year from 0001 to 9999.
   */
  static int day(String s, int number, List<String> problems) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (y >= 1 && m >= 0 && d >= 0) {
        try {
          return (int) LocalDate.of(y, m, d).toEpochDay();
        } catch (DateTimeException e) {
          // falls through to the problem below
        }
      }
    }
    problems.add("line " + number + ": date '" + s
        + "' is not an ISO date (yyyy-MM-dd, years 0001 to 9999)");
    return 0;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * A decimal amount {@code [-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?} (no NaN, no hexadecimal, no type
   * suffix) of magnitude below {@link #MAX_AMOUNT}.
   */
  static double amount(String s, int number, List<String> problems) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        fracDigits++;
      }
    }
    boolean ok = intDigits > 0 || fracDigits > 0;
    if (ok && i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        expDigits++;
      }
      ok = expDigits > 0;
    }
    if (!ok || i != n) {
      problems.add("line " + number + ": amount '" + s + "' is not a decimal number");
      return 0;
    }
    double v = Double.parseDouble(s);
    if (!(Math.abs(v) < MAX_AMOUNT)) {
      problems.add("line " + number + ": amount '" + s + "' is out of range; amounts must be"
          + " between -10^15 and 10^15 (exclusive)");
      return 0;
    }
    return v;
  }
}
