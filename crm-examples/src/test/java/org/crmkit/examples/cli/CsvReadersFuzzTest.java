package org.crmkit.examples.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.crmkit.examples.csv.Csv;
import org.crmkit.examples.csv.TransactionCsv;

/**
 * Coverage-guided fuzz tests (Jazzer) of the CSV readers behind every command, through the same
 * strict UTF-8 decoding the commands use: any byte sequence ends in rows or an {@link
 * InvalidInputException} (the command line's exit 2); any other exception, a hang or a stack
 * overflow is a finding.
 */
class CsvReadersFuzzTest {
  static Reader decoded(byte[] bytes) {
    return new StrictReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, "fuzz.csv",
        "--input");
  }

  @FuzzTest(maxDuration = "5m")
  void csv(byte[] bytes) throws IOException {
    try (Reader in = decoded(bytes)) {
      Csv.read(in, List.of("id", "parent_id", "value"));
    } catch (InvalidInputException expected) {
      // a clear refusal
    }
  }

  @FuzzTest(maxDuration = "5m")
  void transactions(byte[] bytes) throws IOException {
    try (Reader in = decoded(bytes)) {
      TransactionCsv.read(in);
    } catch (InvalidInputException expected) {
      // a clear refusal
    }
  }

  @FuzzTest(maxDuration = "5m")
  void summary(byte[] bytes) throws IOException {
    try (java.io.BufferedReader in = new java.io.BufferedReader(decoded(bytes))) {
      org.crmkit.examples.csv.SummaryCsv.read(in);
    } catch (InvalidInputException expected) {
      // a clear refusal
    }
  }

  /** The parser alone, on text that is already decoded (any UTF-16 string). */
  @FuzzTest(maxDuration = "5m")
  void csvText(byte[] bytes) {
    try {
      Csv.read(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_16LE)),
          List.of("customer_id", "date", "amount"));
    } catch (InvalidInputException expected) {
      // a clear refusal
    }
  }
}
