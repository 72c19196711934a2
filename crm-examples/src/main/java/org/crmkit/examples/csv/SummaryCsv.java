package org.crmkit.examples.csv;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.examples.cli.InvalidInputException;
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.WeightedSummaries;

/**
 * Reads a customer summary CSV in the convention of the Python {@code lifetimes} package, one of
 * three exact headers:
 *
 * <ul>
 *   <li>{@code frequency,recency,T,monetary_value} (continuous-time models, weight 1 per row);
 *   <li>{@code frequency,recency,T,monetary_value,weight} (a row stands for {@code weight}
 *       customers);
 *   <li>{@code frequency,recency,periods,weights} (BG/BB: whole transaction opportunities).
 * </ul>
 *
 * <p>{@code frequency} is the number of repeat purchases x (a whole number &gt;= 0), {@code recency}
 * the time of the last one t_x (0 if none) and {@code T}/{@code periods} the time observed, all from
 * the first purchase; {@code 0 <= recency <= T}. Every malformed row is reported with its line.
 */
public final class SummaryCsv {
  /** The continuous-time header. */
  public static final List<String> CONTINUOUS = List.of("frequency", "recency", "T", "monetary_value");
  /** The continuous-time header with weights. */
  public static final List<String> WEIGHTED = List.of("frequency", "recency", "T", "monetary_value", "weight");
  /** The discrete-time (BG/BB) header. */
  public static final List<String> DISCRETE = List.of("frequency", "recency", "periods", "weights");

  private SummaryCsv() {}

  /**
   * A read summary file: its header, its data rows as written (for echoing), and the summaries.
   *
   * @param header the header found
   * @param rows the fields of every data row, in file order
   * @param data the weighted summaries, one per row in the same order
   */
  public record Summary(List<String> header, List<List<String>> rows, WeightedSummaries data) {
    /** Whether the file is in the BG/BB layout. */
    public boolean discrete() {
      return header.equals(DISCRETE);
    }
  }

  /**
   * Reads the file.
   *
   * @throws InvalidInputException listing every malformed row with its line number, or a wrong header
   */
  public static Summary read(Reader in) {
    List<String> problems = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    WeightedSummaries.Builder data = WeightedSummaries.builder();
    List<String> header = List.of();
    try {
      header = Csv.forEachOf(in, List.of(CONTINUOUS, WEIGHTED, DISCRETE), (found, row) -> {
        List<String> f = row.fields();
        if (f.size() != found.size()) {
          problems.add(Csv.fieldCount(row, found));
          return;
        }
        try {
          int x = wholeNumber(f.get(0), "frequency");
          double recency = number(f.get(1), "recency");
          double bigT = number(f.get(2), found.get(2));
          double money = found.equals(DISCRETE) ? 0 : number(f.get(3), "monetary_value");
          double weight = found.size() == 4 && !found.equals(DISCRETE) ? 1 : number(f.get(found.size() - 1),
              found.get(found.size() - 1));
          if (found.equals(DISCRETE) && (recency != Math.rint(recency) || bigT != Math.rint(bigT))) {
            throw new CrmException("recency and periods must be whole numbers of opportunities, but were "
                + f.get(1) + " and " + f.get(2));
          }
          data.add(CustomerSummary.of("line " + row.line(), x, recency, bigT, money), weight);
          rows.add(List.copyOf(f));
        } catch (CrmException e) {
          problems.add("line " + row.line() + ": " + e.getMessage());
        }
      });
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Summary(header, List.copyOf(rows), data.build());
  }

  private static double number(String text, String column) {
    try {
      double v = Double.parseDouble(text.strip());
      if (!Double.isFinite(v) || text.strip().matches(".*[a-zA-Z&&[^eE]].*")) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new CrmException(column + " must be a decimal number, but was '" + text + "'");
    }
  }

  private static int wholeNumber(String text, String column) {
    try {
      int v = Integer.parseInt(text.strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new CrmException(column + " must be a whole number >= 0, but was '" + text + "'");
    }
  }
}
