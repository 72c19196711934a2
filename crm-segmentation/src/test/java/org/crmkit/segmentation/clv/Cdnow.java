package org.crmkit.segmentation.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.Transaction;

/** Reads the CDNOW sample from the repository's data folder (test helper). */
final class Cdnow {
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  private Cdnow() {}

  static Path sample() {
    String shared = System.getProperty("crmkit.data");
    if (shared == null) {
      throw new IllegalStateException("system property crmkit.data (the repository's data folder) is not set");
    }
    return Path.of(shared, "cdnow", "CDNOW_sample.txt");
  }

  /** {@code master_id sample_id date(YYYYMMDD) number_of_cds dollar_value}, whitespace-separated. */
  static List<Transaction> transactions() {
    List<Transaction> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(sample())) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        out.add(Transaction.of(f[1], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
            Double.parseDouble(f[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
