package org.crmkit.examples.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.examples.cli.InvalidInputException;

/**
 * Minimal RFC 4180 CSV: comma-separated, fields optionally in double quotes (a doubled quote
 * inside a quoted field is a literal quote), one record per line. Enough for crmkit's commands;
 * quoted fields may not span lines.
 */
public final class Csv {
  private Csv() {}

  /** A parsed data row with its 1-based line number in the file. */
  public record Row(int line, List<String> fields) {
    /** The field at {@code i}. */
    public String get(int i) {
      return fields.get(i);
    }
  }

  /**
   * Reads a file whose first line must be exactly {@code expectedHeader} (a UTF-8 BOM and
   * surrounding blanks are ignored); returns the data rows, skipping blank lines.
   *
   * @throws InvalidInputException for a wrong header or a row with the wrong number of fields,
   *     naming the line
   */
  public static List<Row> read(BufferedReader in, List<String> expectedHeader) {
    try {
      String header = in.readLine();
      if (header == null) {
        throw new InvalidInputException(
            List.of("line 1: the file is empty; expected the header " + String.join(",", expectedHeader)));
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      List<String> found = parseLine(header.strip(), 1);
      if (!found.equals(expectedHeader)) {
        throw new InvalidInputException(
            List.of("line 1: expected the header " + String.join(",", expectedHeader)
                + ", but found " + header.strip()));
      }
      List<Row> rows = new ArrayList<>();
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = parseLine(line, number);
        if (fields.size() != expectedHeader.size()) {
          throw new InvalidInputException(
              List.of("line " + number + ": expected " + expectedHeader.size() + " fields ("
                  + String.join(",", expectedHeader) + "), but found " + fields.size()));
        }
        rows.add(new Row(number, fields));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits one line into fields.
   *
   * @throws InvalidInputException for an unterminated quoted field
   */
  public static List<String> parseLine(String line, int number) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new InvalidInputException(
          List.of("line " + number + ": a quoted field is not closed"));
    }
    fields.add(wasQuoted ? field.toString() : field.toString().strip());
    return fields;
  }

  /** Writes one record, quoting fields that contain a comma, a quote or a line break. */
  public static void writeRow(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String f = fields.get(i);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        out.write('"');
        out.write(f.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(f);
      }
    }
    out.write('\n');
  }
}
