package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.crmkit.core.model.Transaction;
import org.crmkit.examples.csv.SummaryCsv;
import org.crmkit.examples.csv.TransactionCsv;
import picocli.CommandLine.Command;

/**
 * {@code crmkit clv}: customer lifetime value with a purchase model (BG/NBD, Pareto/NBD, MBG/NBD,
 * BG/BB) and Gamma-Gamma: {@code fit} a model on a transaction log or a summary, {@code predict}
 * per-customer values with it, {@code compare} the models, {@code diagnose} a model.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = "Customer lifetime value (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB + Gamma-Gamma): fit, predict, compare, diagnose.",
    subcommands = {ClvFitCommand.class, ClvPredictCommand.class, ClvCompareCommand.class, ClvDiagnoseCommand.class})
final class ClvCommand implements java.util.concurrent.Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a sub-command: a usage error (exit 2). */
  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing sub-command: use 'crmkit clv fit' or 'crmkit clv predict'");
  }

  /** Reads the transaction CSV, turning a missing or unreadable file into invalid input. */
  static List<Transaction> readTransactions(Path input) {
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      return TransactionCsv.read(in);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(List.of("input file " + input + " does not exist"));
    } catch (IOException e) {
      throw new InvalidInputException(List.of("cannot read " + input + ": " + e.getMessage()));
    }
  }

  /** Reads a summary CSV, turning a missing or unreadable file into invalid input. */
  static SummaryCsv.Summary readSummary(Path input) {
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      return SummaryCsv.read(in);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(List.of("summary file " + input + " does not exist"));
    } catch (IOException e) {
      throw new InvalidInputException(List.of("cannot read " + input + ": " + e.getMessage()));
    }
  }

  /** Reads a whole text file, turning a missing or unreadable file into invalid input. */
  static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(List.of("file " + file + " does not exist"));
    } catch (IOException e) {
      throw new InvalidInputException(List.of("cannot read " + file + ": " + e.getMessage()));
    }
  }

  /** Something that writes a file's content. */
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes {@code output} atomically (a temporary file beside it, then a move), so that a failure
   * never leaves a partial file.
   */
  static void writeAtomically(Path output, Content content) {
    Path dir = output.toAbsolutePath().getParent();
    try {
      Path tmp = Files.createTempFile(dir, ".crmkit-", ".tmp");
      try {
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          content.writeTo(w);
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new InvalidInputException(List.of("cannot write " + output + ": " + e.getMessage()));
    }
  }
}
