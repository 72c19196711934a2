package org.crmkit.examples.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: text left-aligned, numbers right-aligned. Not
 * thread-safe.
 */
final class TextTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private final boolean[] numeric;

  /** A table with these column headers. */
  public TextTable(String... headers) {
    this.headers = List.of(headers);
    this.numeric = new boolean[headers.length];
    java.util.Arrays.fill(numeric, true);
  }

  /** Adds a row; cells are printed with {@code String.valueOf}. */
  public TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row needs " + headers.size() + " cells, but got " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (int i = 0; i < cells.length; i++) {
      String text = String.valueOf(cells[i]);
      row.add(text);
      numeric[i] &= text.matches("[-+]?[\\d,]*\\.?\\d+%?|-");
    }
    rows.add(row);
    return this;
  }

  /** The rows added so far (for the HTML report). */
  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  /** The headers. */
  public List<String> headers() {
    return headers;
  }

  /** Prints the table indented by two spaces. */
  public void print(PrintWriter out) {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    printRow(out, headers, width);
    StringBuilder rule = new StringBuilder("  ");
    for (int i = 0; i < width.length; i++) {
      rule.append("-".repeat(width[i])).append(i + 1 < width.length ? "  " : "");
    }
    out.println(rule);
    for (List<String> r : rows) {
      printRow(out, r, width);
    }
  }

  private void printRow(PrintWriter out, List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder("  ");
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      b.append(numeric[i] && !rows.isEmpty() ? pad + c : c + (i + 1 < cells.size() ? pad : ""));
      if (i + 1 < cells.size()) {
        b.append("  ");
      }
    }
    out.println(b.toString().stripTrailing());
  }
}
