package org.crmkit.examples.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
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
  /** A decimal number as written in the file (no NaN, no hexadecimal, no type suffix). */
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

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
        || !DECIMAL.matcher(row.get(2)).matches()) {
      throw new InvalidInputException(List.of("line " + row.line() + ": amount '" + row.get(2)
          + "' is not a decimal number"));
    }
    return new Transaction(CustomerId.of(id), date, amount);
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
   * same format and checks as {@link #read}, for inputs of tens of millions of rows.
   *
   * @return the number of data rows
   * @throws InvalidInputException naming the line and the reason for the first malformed row
   */
  public static long stream(BufferedReader in, RowSink sink) {
    try {
      String header = in.readLine();
      if (header == null) {
        throw new InvalidInputException(List.of(
            "line 1: the file is empty; expected the header " + String.join(",", HEADER)));
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (!Csv.parseLine(header.strip(), 1).equals(HEADER)) {
        throw new InvalidInputException(List.of("line 1: expected the header "
            + String.join(",", HEADER) + ", but found " + header.strip()));
      }
      long rows = 0;
      int number = 1;
      String line;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        int c1 = line.indexOf(',');
        int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
        if (line.indexOf('"') >= 0 || c2 < 0 || line.indexOf(',', c2 + 1) >= 0) {
          Transaction t = parse(new Csv.Row(number, checkedFields(line, number)));
          sink.accept(number, t.customer().value(), (int) t.date().toEpochDay(), t.amount());
        } else {
          String id = line.substring(0, c1).strip();
          if (id.isEmpty()) {
            throw new InvalidInputException(List.of("line " + number + ": customer_id is empty"));
          }
          String date = line.substring(c1 + 1, c2).strip();
          String amount = line.substring(c2 + 1).strip();
          sink.accept(number, id, fastDay(date, number), fastAmount(amount, number));
        }
        rows++;
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> checkedFields(String line, int number) {
    List<String> fields = Csv.parseLine(line, number);
    if (fields.size() != HEADER.size()) {
      throw new InvalidInputException(List.of("line " + number + ": expected " + HEADER.size()
          + " fields (" + String.join(",", HEADER) + "), but found " + fields.size()));
    }
    return fields;
  }

  private static int fastDay(String s, int number) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        try {
          return (int) LocalDate.of(y, m, d).toEpochDay();
        } catch (DateTimeException e) {
          // falls through to the error below
        }
      }
    }
    throw new InvalidInputException(List.of("line " + number + ": date '" + s
        + "' is not an ISO date (yyyy-MM-dd)"));
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

  /** Accepts exactly {@code [-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?}, like {@link #parse}. */
  private static double fastAmount(String s, int number) {
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
    double v = ok && i == n ? Double.parseDouble(s) : Double.NaN;
    if (!Double.isFinite(v)) {
      throw new InvalidInputException(List.of("line " + number + ": amount '" + s
          + "' is not a decimal number"));
    }
    return v;
  }
}
