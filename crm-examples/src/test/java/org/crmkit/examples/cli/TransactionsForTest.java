package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crmkit.core.model.Transaction;
import org.crmkit.examples.csv.TransactionCsv;

/** Reads a transaction CSV in tests. */
final class TransactionsForTest {
  private TransactionsForTest() {}

  static List<Transaction> read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file)) {
      return TransactionCsv.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
