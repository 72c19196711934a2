package org.crmkit.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.examples.cli.InvalidInputException;

/**
 * Reads the CDNOW master transaction log ({@code CDNOW_master.txt}: whitespace-separated {@code
 * customer_id date(YYYYMMDD) number_of_cds dollar_value}, one header line).
 */
final class CdnowLoader {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private CdnowLoader() {}

  /**
   * Reads {@code dir/CDNOW_master.txt}.
   *
   * @throws InvalidInputException if the file is missing or a line is malformed (naming it)
   */
  public static List<Transaction> readMaster(Path dir) throws IOException {
    Path file = dir.resolve("CDNOW_master.txt");
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(List.of("--cdnow: " + file + " does not exist; expected the"
          + " directory holding CDNOW_master.txt"));
    }
    List<Transaction> out = new ArrayList<>(70_000);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String s = line.strip();
        if (s.isEmpty() || (number == 1 && s.startsWith("customer_id"))) {
          continue;
        }
        String[] f = s.split("\\s+");
        try {
          if (f.length != 4) {
            throw new IllegalArgumentException("expected 4 fields, found " + f.length);
          }
          out.add(new Transaction(CustomerId.of("cdnow-" + f[0]), LocalDate.parse(f[1], BASIC),
              Double.parseDouble(f[3])));
        } catch (IllegalArgumentException | DateTimeParseException e) {
          throw new InvalidInputException(List.of(file + " line " + number + ": " + e.getMessage()));
        }
      }
    }
    return out;
  }
}
