package org.crmkit.segmentation.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the donations summary ({@code frequency,recency,periods,weights}) from the data folder (test helper). */
final class Donations {
  private Donations() {}

  static WeightedSummaries summaries() {
    String data = System.getProperty("crmkit.data");
    if (data == null) {
      throw new IllegalStateException("system property crmkit.data (the repository's data folder) is not set");
    }
    try {
      List<String> lines = Files.readAllLines(Path.of(data, "donations", "donations.csv"));
      WeightedSummaries.Builder b = WeightedSummaries.builder();
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        String[] f = lines.get(i).split(",");
        b.add(CustomerSummary.of("row" + i, Integer.parseInt(f[0]), Integer.parseInt(f[1]),
            Integer.parseInt(f[2]), 0), Double.parseDouble(f[3]));
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
