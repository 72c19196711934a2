package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  @Override
  public Integer call() {
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
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw invalid(List.of(new Found(1,
            "the file is empty; expected the header " + String.join(",", INPUT_HEADER))));
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      List<String> found;
      try {
        found = Csv.parseLine(header.strip(), 1);
      } catch (InvalidInputException e) {
        found = List.of();
      }
      if (!found.equals(INPUT_HEADER)) {
        throw invalid(List.of(new Found(1, "expected the header " + String.join(",", INPUT_HEADER)
            + ", but found " + header.strip())));
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        List<String> fields;
        try {
          fields = Csv.parseLine(line, number);
        } catch (InvalidInputException e) {
          problems.add(new Found(number, "a quoted field is not closed"));
          continue;
        }
        if (fields.size() != INPUT_HEADER.size()) {
          problems.add(new Found(number, "expected 3 fields (id,parent_id,value), but found "
              + fields.size() + (fields.get(0).isEmpty() ? "" : " (id '" + fields.get(0) + "')")));
          if (!fields.get(0).isEmpty()) {
            declared.add(new Node(number, fields.get(0), "", BigDecimal.ZERO));
          }
          continue;
        }
        String id = fields.get(0);
        String parent = fields.get(1);
        String value = fields.get(2);
        if (id.isEmpty()) {
          problems.add(new Found(number, "id is empty"
              + (parent.isEmpty() ? "" : " (parent_id '" + parent + "')")));
          continue;
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
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          List.of("cannot read the input file " + input + ": " + describe(e)));
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
    Path target = output.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        Csv.writeRow(w, OUTPUT_HEADER);
        for (Node n : nodes) {
          Csv.writeRow(w, List.of(n.id(), Integer.toString(h.depth(n.id())),
              Integer.toString(h.subtreeSize(n.id()) - 1), format(sums.get(n.id()))));
        }
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new InvalidInputException(
          List.of("cannot write the output file " + output + ": " + describe(e)));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden and named after the output; nothing else to do
        }
      }
    }
  }

  /** The exact sum as a plain decimal without trailing zeros: 0.30 → 0.3, 4.00 → 4, 1E+2 → 100. */
  static String format(BigDecimal sum) {
    return sum.signum() == 0 ? "0" : sum.stripTrailingZeros().toPlainString();
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase(java.util.Locale.ROOT) + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
