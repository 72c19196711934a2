package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
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

  /** Reads the transaction CSV (strictly decoded in {@code charset}); every problem exits 2. */
  static List<Transaction> readTransactions(Path input, java.nio.charset.Charset charset) {
    try (BufferedReader in = CliFiles.open(input, "--input", charset)) {
      return TransactionCsv.read(in);
    } catch (IOException e) {
      throw CliFiles.cannot("read", "--input", input, e);
    }
  }

  /** Reads the transaction CSV as UTF-8. */
  static List<Transaction> readTransactions(Path input) {
    return readTransactions(input, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Reads a summary CSV (strictly decoded UTF-8); every problem exits 2. */
  static SummaryCsv.Summary readSummary(Path input) {
    try (BufferedReader in = CliFiles.open(input, "--summary",
        java.nio.charset.StandardCharsets.UTF_8)) {
      return SummaryCsv.read(in);
    } catch (IOException e) {
      throw CliFiles.cannot("read", "--summary", input, e);
    }
  }

  /** Reads a whole UTF-8 text file; a missing, unreadable or undecodable file exits 2. */
  static String readText(Path file) {
    return CliFiles.readText(file, "");
  }

  /** Something that writes a file's content. */
  interface Content extends CliFiles.Content {}

  /**
   * Writes {@code output} atomically (a temporary file beside it, then a move), so that a failure
   * never leaves a partial file or a temporary file.
   */
  static void writeAtomically(Path output, Content content) {
    new CliFiles.Outputs().add(output, "--output", content).commit();
  }
}
