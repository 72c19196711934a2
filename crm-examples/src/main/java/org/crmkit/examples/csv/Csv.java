package org.crmkit.examples.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.FieldModifier;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.examples.cli.InvalidInputException;

/**
 * RFC 4180 CSV for crmkit's commands, read and written with FastCSV: comma-separated, fields
 * optionally in double quotes (a doubled quote inside a quoted field is a literal quote; a quoted
 * field may span lines, as Excel writes multi-line cells), LF or CRLF line ends, a leading UTF-8
 * byte-order mark ignored, blank lines skipped. Unquoted fields are stripped of surrounding
 * blanks; quoted fields are kept exactly. Rows are numbered by the line they start on.
 *
 * <p>Written fields are quoted when they contain a comma, a quote or a line break, or begin or end
 * with a blank (so that an id like {@code " a "} survives a write-read round trip); rows end with
 * a single LF.
 */
public final class Csv {
  /** Unclosed or otherwise malformed quoting, as FastCSV words it. */
  private static final Pattern RECORD_AT =
      Pattern.compile("\\s*\\(record starting at line (\\d+)\\)\\s*$");

  private static final QuoteStrategy QUOTING = new QuoteStrategy() {
    @Override
    public boolean quoteValue(int lineNo, int fieldIdx, String value) {
      return needsQuotes(value);
    }
  };

  private Csv() {}

  /** A parsed data row with the 1-based line number in the file where it starts. */
  public record Row(int line, List<String> fields) {
    /** The field at {@code i}. */
    public String get(int i) {
      return fields.get(i);
    }
  }

  /**
   * Reads a file whose first record must be exactly {@code expectedHeader}; returns the data rows.
   *
   * @throws InvalidInputException for a wrong header, for rows with the wrong number of fields
   *     (every such row, naming each line) or for malformed quoting (naming the line)
   */
  public static List<Row> read(Reader in, List<String> expectedHeader) {
    List<Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try {
      forEach(in, expectedHeader, row -> {
        if (row.fields().size() != expectedHeader.size()) {
          problems.add(fieldCount(row, expectedHeader));
        } else {
          rows.add(row);
        }
      });
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return rows;
  }

  /** "line 7: expected 3 fields (a,b,c), but found 2". */
  public static String fieldCount(Row row, List<String> header) {
    return "line " + row.line() + ": expected " + header.size() + " fields ("
        + String.join(",", header) + "), but found " + row.fields().size();
  }

  /**
   * Streams the data rows after checking the header; rows may have any number of fields (the
   * caller checks). Stops at malformed quoting.
   *
   * @throws InvalidInputException for an empty file, a wrong header or malformed quoting
   */
  public static void forEach(Reader in, List<String> expectedHeader, Consumer<Row> sink) {
    forEachOf(in, List.of(expectedHeader), (header, row) -> sink.accept(row));
  }

  /**
   * Streams the data rows of a file whose header is one of {@code headers}, each with the header
   * found, and returns that header; rows may have any number of fields (the caller checks). Stops
   * at malformed quoting.
   *
   * @throws InvalidInputException for an empty file, a header that is none of {@code headers}
   *     ("expected the header a,b, a,b,c or d,e, but found …") or malformed quoting
   */
  public static List<String> forEachOf(Reader in, List<List<String>> headers,
      BiConsumer<List<String>, Row> sink) {
    List<String> names = headers.stream().map(h -> String.join(",", h)).toList();
    int last = names.size() - 1;
    String expected = last == 0 ? names.get(0)
        : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
    Iterator<CsvRecord> records = records(withoutBom(in)).iterator();
    try {
      if (!records.hasNext()) {
        throw new InvalidInputException(List.of(
            "line 1: the file is empty; expected the header " + expected));
      }
      CsvRecord header = records.next();
      while (blank(header) && records.hasNext()) {
        header = records.next();
      }
      List<String> found = header.getFields();
      if (!headers.contains(found)) {
        throw new InvalidInputException(List.of("line " + header.getStartingLineNumber()
            + ": expected the header " + expected + ", but found " + String.join(",", found)));
      }
      while (records.hasNext()) {
        CsvRecord r = records.next();
        if (!blank(r)) {
          sink.accept(found, new Row(line(r.getStartingLineNumber()), r.getFields()));
        }
      }
      return found;
    } catch (CsvParseException e) {
      throw malformed(e);
    }
  }

  /** A line of blanks only (its one unquoted field stripped to nothing): skipped like an empty line. */
  private static boolean blank(CsvRecord r) {
    return r.getFieldCount() == 1 && r.getField(0).isEmpty();
  }

  private static CsvReader<CsvRecord> records(Reader in) {
    FieldModifier strip = new FieldModifier() {
      @Override
      public String modify(long startingLineNumber, int fieldIdx, boolean quoted, String field) {
        return quoted ? field : field.strip();
      }
    };
    return CsvReader.builder()
        .skipEmptyLines(true)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .allowUnclosedQuote(false)
        .trimWhitespacesAroundQuotes(true)
        .build(CsvRecordHandler.builder().fieldModifier(strip).build(), in);
  }

  private static int line(long line) {
    return (int) Math.min(line, Integer.MAX_VALUE);
  }

  private static InvalidInputException malformed(CsvParseException e) {
    String message = String.valueOf(e.getMessage());
    Matcher at = RECORD_AT.matcher(message);
    String line = "";
    if (at.find()) {
      line = "line " + at.group(1) + ": ";
      message = message.substring(0, at.start());
    }
    if (message.startsWith("Unclosed quoted field")) {
      message = "a quoted field is not closed";
    } else if (message.startsWith("Unexpected character after closing quote")) {
      message = "a quoted field must end at a comma or the end of the line ("
          + message.substring(message.indexOf(':') + 1).strip() + " follows the closing quote)";
    } else if (message.contains("buffer")) {
      message = "a field is longer than the limit of 16,777,216 characters";
    } else {
      message = "malformed CSV: " + message;
    }
    return new InvalidInputException(List.of(line + message));
  }

  private static Reader withoutBom(Reader in) {
    PushbackReader p = new PushbackReader(in, 1);
    try {
      int c = p.read();
      if (c >= 0 && c != '\uFEFF') {
        p.unread(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * Splits one line (or one record of several lines) into fields.
   *
   * @throws InvalidInputException for an unterminated quoted field
   */
  public static List<String> parseLine(String line, int number) {
    Iterator<CsvRecord> it = records(new StringReader(line)).iterator();
    try {
      return it.hasNext() ? it.next().getFields() : List.of("");
    } catch (CsvParseException e) {
      InvalidInputException m = malformed(e);
      throw new InvalidInputException(List.of(m.problems().get(0)
          .replaceFirst("^line \\d+: ", "line " + number + ": ")));
    }
  }

  /** Whether a field is written in quotes: a comma, quote or line break, or a leading or trailing blank. */
  public static boolean needsQuotes(String s) {
    if (s.isEmpty()) {
      return false;
    }
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0 || Character.isWhitespace(s.charAt(0))
        || Character.isWhitespace(s.charAt(s.length() - 1)) || s.strip().length() != s.length();
  }

  /**
   * Writes one record, ending with LF, quoting fields as described in the class documentation.
   */
  public static void writeRow(Writer out, List<String> fields) throws IOException {
    // FastCSV quotes a first field that starts with its comment character ('#' by default);
    // crmkit writes no comments, so NUL is declared instead and '#' ids are written as before.
    CsvWriter w = CsvWriter.builder().commentCharacter('\0').lineDelimiter(LineDelimiter.LF)
        .quoteStrategy(QUOTING).bufferSize(0).build(out);
    w.writeRecord(fields);
  }
}
