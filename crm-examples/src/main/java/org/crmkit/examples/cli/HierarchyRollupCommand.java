package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.RollUp;
import org.crmkit.examples.csv.Csv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit hierarchy rollup}: reads a parent/child table with a value per node and writes, for
 * every node, its depth, its number of descendants and the exact decimal sum of its subtree.
 *
 * <p>Input header {@code id,parent_id,value} (empty {@code parent_id} = root); output header {@code
 * id,depth,descendants,subtree_value}, one row per input node in input order. Sums are exact
 * ({@link BigDecimal}) and printed as plain decimals without trailing zeros ({@code 0.1 + 0.2} →
 * {@code 0.3}, {@code 1.50 + 2.50} → {@code 4}). Any invalid input exits with status 2, lists every
 * problem with its line number and ids, and leaves the output file untouched (the output is
 * written to a temporary file that replaces it only on success).
 */
@Command(name = "rollup", mixinStandardHelpOptions = true,
    description = {
        "Rolls up a decimal value over every subtree of a parent/child table.",
        "Input CSV header: id,parent_id,value (empty parent_id = root).",
        "Output CSV header: id,depth,descendants,subtree_value; one row per input node, in input"
            + " order."})
final class HierarchyRollupCommand implements Callable<Integer> {
  static final List<String> INPUT_HEADER = List.of("id", "parent_id", "value");
  static final List<String> OUTPUT_HEADER = List.of("id", "depth", "descendants", "subtree_value");
  /** Plain or scientific decimals; the exponent is limited so that output stays plain-printable. */
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
  private static final Pattern DECLARATION = Pattern.compile("nodes\\[(\\d+)]");

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "nodes.csv",
      description = "Input CSV with header id,parent_id,value.")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "out.csv",
      description = "Output CSV; written only if the whole input is valid.")
  Path output;

  private record Node(int line, String id, String parent, BigDecimal value) {}

  private record Found(int line, String text) {}

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "Encoding of the input CSV (default UTF-8), e.g. windows-1252.")
  String encoding;

  @Override
  public Integer call() {
    CliFiles.Outputs.check(output, "--output");
    List<Node> nodes = read();
    Hierarchy<String> h = tryBuild(nodes).hierarchy();
    Map<String, BigDecimal> values = new HashMap<>();
    nodes.forEach(n -> values.put(n.id(), n.value()));
    RollUp<String, BigDecimal> sums = h.rollUpValues(values::get, BigDecimal::add);
    write(nodes, h, sums);
    PrintWriter out = spec.commandLine().getOut();
    out.println("rolled up " + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s")
        + " into " + output);
    out.flush();
    return 0;
  }

  /** Reads and checks every row, collecting every problem; throws them all at the end. */
  private List<Node> read() {
    List<Found> problems = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    // Rows whose fields cannot be trusted still declare their id, so that their children do not
    // get a spurious "unknown parent" problem; they never reach the output.
    List<Node> declared = new ArrayList<>();
    try (BufferedReader in = CliFiles.open(input, "--input", CliFiles.charset(encoding))) {
      Csv.forEach(in, INPUT_HEADER, row -> {
        List<String> fields = row.fields();
        int number = row.line();
        if (fields.size() != INPUT_HEADER.size()) {
          problems.add(new Found(number, "expected 3 fields (id,parent_id,value), but found "
              + fields.size() + (fields.get(0).isEmpty() ? "" : " (id '" + fields.get(0) + "')")));
          if (!fields.get(0).isEmpty()) {
            declared.add(new Node(number, fields.get(0), "", BigDecimal.ZERO));
          }
          return;
        }
        String id = fields.get(0);
        String parent = fields.get(1);
        String value = fields.get(2);
        if (id.isEmpty()) {
          problems.add(new Found(number, "id is empty"
              + (parent.isEmpty() ? "" : " (parent_id '" + parent + "')")));
          return;
        }
        BigDecimal v = null;
        if (DECIMAL.matcher(value).matches()) {
          v = new BigDecimal(value);
        } else {
          problems.add(new Found(number, "value '" + value + "' of node '" + id
              + "' is not a decimal number (e.g. 12, -3.5, .25, 1.5e3)"));
        }
        Node node = new Node(number, id, parent, v == null ? BigDecimal.ZERO : v);
        declared.add(node);
        if (v != null) {
          nodes.add(node);
        }
      });
    } catch (InvalidInputException e) {
      if (problems.isEmpty() && e.problems().size() == 1 && e.problems().get(0).startsWith("line ")) {
        String only = e.problems().get(0);
        int colon = only.indexOf(": ");
        throw invalid(List.of(new Found(Integer.parseInt(only.substring(5, colon)),
            only.substring(colon + 2))));
      }
      for (String p : e.problems()) {
        java.util.regex.Matcher m = Pattern.compile("^line (\\d+): (.*)$", Pattern.DOTALL).matcher(p);
        problems.add(m.matches() ? new Found(Integer.parseInt(m.group(1)), m.group(2))
            : new Found(0, p));
      }
      if (problems.stream().anyMatch(f -> f.line() == 0)) {
        throw new InvalidInputException(e.problems());
      }
    } catch (IOException e) {
      throw CliFiles.cannot("read", "--input", input, e);
    }
    problems.addAll(tryBuild(declared).problems());
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return nodes;
  }

  private record Built(Hierarchy<String> hierarchy, List<Found> problems) {}

  /** Builds the hierarchy, translating each problem's declaration number into a line number. */
  private static Built tryBuild(List<Node> rows) {
    Hierarchy.Builder<String> b = Hierarchy.builder();
    for (Node n : rows) {
      b.node(n.id(), n.parent().isEmpty() ? null : n.parent(), null);
    }
    try {
      return new Built(b.build(), List.of());
    } catch (InvalidDefinitionException e) {
      List<Found> found = new ArrayList<>();
      for (Problem p : e.problems()) {
        Matcher at = DECLARATION.matcher(p.path());
        int line = at.matches() ? rows.get(Integer.parseInt(at.group(1))).line() : 0;
        found.add(new Found(line, lines(p.message(), rows)));
      }
      return new Built(Hierarchy.<String>builder().build(), found);
    }
  }

  private static String lines(String message, List<Node> rows) {
    Matcher m = DECLARATION.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out,
          Matcher.quoteReplacement("line " + rows.get(Integer.parseInt(m.group(1))).line()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private InvalidInputException invalid(List<Found> problems) {
    List<Found> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Found::line));
    List<String> lines = new ArrayList<>();
    lines.add("invalid input " + input + " (" + sorted.size() + " problem"
        + (sorted.size() == 1 ? "" : "s") + "):");
    for (Found f : sorted) {
      lines.add("  " + (f.line() > 0 ? "line " + f.line() + ": " : "") + f.text());
    }
    return new InvalidInputException(lines);
  }

  private void write(List<Node> nodes, Hierarchy<String> h, RollUp<String, BigDecimal> sums) {
    new CliFiles.Outputs().add(output, "--output", w -> {
      Csv.writeRow(w, OUTPUT_HEADER);
      for (Node n : nodes) {
        Csv.writeRow(w, List.of(n.id(), Integer.toString(h.depth(n.id())),
            Integer.toString(h.subtreeSize(n.id()) - 1), format(sums.get(n.id()))));
      }
    }).commit();
  }

  /** The exact sum as a plain decimal without trailing zeros: 0.30 → 0.3, 4.00 → 4, 1E+2 → 100. */
  static String format(BigDecimal sum) {
    return sum.signum() == 0 ? "0" : sum.stripTrailingZeros().toPlainString();
  }
}
