package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crmkit.core.model.CustomerId;
import org.crmkit.examples.csv.Csv;
import org.crmkit.examples.csv.TransactionCsv;
import org.crmkit.json.SegmentRulesJson;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.RfmTable;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.rfm.TransactionColumns;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit rfm}: RFM scores and segments of every customer of a transaction CSV. The output is
 * written to a temporary file and moved into place only when everything succeeded.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
    description = {"Scores customers on recency, frequency and monetary value and assigns segments.",
        "Input CSV: customer_id,date,amount (ISO dates). Output CSV: customer_id,recency_days,"
            + "frequency,monetary,r,f,m,segment, sorted by customer_id."})
final class RfmCommand implements Callable<Integer> {
  static final List<String> OUTPUT_HEADER = List.of(
      "customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment");

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "transaction CSV file")
  Path input;

  @Option(names = "--as-of", required = true, description = "as-of date, yyyy-MM-dd")
  LocalDate asOf;

  @Option(names = "--output", required = true, description = "scores CSV file to write")
  Path output;

  @Option(names = "--tiles", defaultValue = "5", description = "score levels (default 5)")
  int tiles;

  @Option(names = "--ties", defaultValue = "share",
      description = "tie policy: share (equal values, equal scores) or split (equal-sized tiles)")
  String ties;

  @Option(names = "--segments",
      description = "builtin-10 (default for 5 tiles), builtin-11, or a crmkit.segment-rules/1 JSON file")
  String segments;

  @Option(names = "--progress-every", defaultValue = "1000000", hidden = true,
      description = "rows between progress lines on standard error")
  int progressEvery;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    TiePolicy policy = switch (ties) {
      case "share" -> TiePolicy.TIES_SHARE;
      case "split" -> TiePolicy.STABLE_SPLIT;
      default -> throw new InvalidInputException(
          List.of("--ties must be 'share' or 'split', but was '" + ties + "'"));
    };
    RfmScorer scorer = RfmScorer.builder().tiles(tiles).ties(policy).build();
    SegmentRules rules = rules(err);

    Columns raw = new Columns();
    long started = System.nanoTime();
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      TransactionCsv.stream(in, (line, id, day, amount) -> {
        raw.add(id, day, amount);
        if (progressEvery > 0 && raw.size % progressEvery == 0) {
          err.printf("rfm: read %,d rows (%,d customers) in %.1f s%n", raw.size, raw.ids.size(),
              (System.nanoTime() - started) / 1e9);
          err.flush();
        }
      });
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(List.of("--input: no such file: " + input));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (raw.size == 0) {
      throw new InvalidInputException(List.of(input + ": no transactions after the header"));
    }
    TransactionColumns columns = raw.toColumns();
    RfmTable table = scorer.score(columns, asOf);
    int[] segmentOf = rules == null ? null : rules.assign(table);
    write(table, segmentOf, rules);
    if (progressEvery > 0 && raw.size >= progressEvery) {
      err.printf("rfm: scored %,d customers in %.1f s%n", table.scoredCount(),
          (System.nanoTime() - started) / 1e9);
    }
    err.flush();
    return 0;
  }

  private SegmentRules rules(PrintWriter err) {
    String which = segments == null ? (tiles == 5 ? "builtin-10" : null) : segments;
    if (which == null) {
      return null;
    }
    SegmentRules rules;
    if (which.equals("builtin-10")) {
      rules = BuiltinSegments.standard10();
    } else if (which.equals("builtin-11")) {
      rules = BuiltinSegments.repaired11();
    } else {
      try {
        rules = SegmentRulesJson.read(Files.readString(Path.of(which), StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        throw new InvalidInputException(List.of("--segments: '" + which
            + "' is neither builtin-10, builtin-11 nor an existing file"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!rules.analysis().isPartition()) {
        err.println("rfm: warning: the segment rules are not a partition; customers in gaps get an "
            + "empty segment:");
        rules.analysis().problems().forEach(p -> err.println("  - " + p));
      }
    }
    if (rules.tiles() != tiles) {
      throw new InvalidInputException(List.of("--segments: the rules are for " + rules.tiles()
          + " tiles, but --tiles is " + tiles));
    }
    if (rules.hasAttributeConditions()) {
      throw new InvalidInputException(List.of("--segments: the rules have attribute conditions, "
          + "but the transaction CSV has no customer attributes"));
    }
    return rules;
  }

  private void write(RfmTable table, int[] segmentOf, SegmentRules rules) {
    Path target = output.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), ".rfm-", ".csv.tmp");
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
        Csv.writeRow(w, OUTPUT_HEADER);
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < table.customerCount(); i++) {
          if (!table.isScored(i)) {
            continue;
          }
          String segment = segmentOf == null || segmentOf[i] < 0 ? ""
              : rules.segments().get(segmentOf[i]);
          String id = table.customerId(i).value();
          if (needsQuotes(id) || needsQuotes(segment)) {
            Csv.writeRow(w, List.of(id, Integer.toString(table.recencyDays(i)),
                Integer.toString(table.frequency(i)), decimal(table.monetary(i)),
                Integer.toString(table.r(i)), Integer.toString(table.f(i)),
                Integer.toString(table.m(i)), segment));
            continue;
          }
          sb.setLength(0);
          sb.append(id).append(',').append(table.recencyDays(i)).append(',')
              .append(table.frequency(i)).append(',').append(decimal(table.monetary(i)))
              .append(',').append(table.r(i)).append(',').append(table.f(i)).append(',')
              .append(table.m(i)).append(',').append(segment).append('\n');
          w.append(sb);
        }
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // the original failure is the one to report
      }
      throw new UncheckedIOException(e);
    }
  }

  private static boolean needsQuotes(String s) {
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
  }

  /** Up to 15 significant digits, so float noise of sums (0.30000000000000004) is not printed. */
  static String decimal(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(15)).stripTrailingZeros().toPlainString();
  }

  /** Growable columns with a customer dictionary; indices are re-mapped to id text order. */
  static final class Columns {
    final Map<String, Integer> ids = new HashMap<>();
    int[] customer = new int[1024];
    int[] day = new int[1024];
    double[] amount = new double[1024];
    int size;

    void add(String id, int d, double a) {
      Integer c = ids.get(id);
      if (c == null) {
        c = ids.size();
        ids.put(id, c);
      }
      if (size == customer.length) {
        int cap = customer.length * 2;
        customer = Arrays.copyOf(customer, cap);
        day = Arrays.copyOf(day, cap);
        amount = Arrays.copyOf(amount, cap);
      }
      customer[size] = c;
      day[size] = d;
      amount[size] = a;
      size++;
    }

    TransactionColumns toColumns() {
      String[] sorted = ids.keySet().toArray(new String[0]);
      Arrays.sort(sorted);
      int[] remap = new int[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        remap[ids.get(sorted[i])] = i;
      }
      CustomerId[] names = new CustomerId[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        names[i] = CustomerId.of(sorted[i]);
      }
      TransactionColumns.Builder b = TransactionColumns.builder(sorted.length, i -> names[i], size);
      for (int i = 0; i < size; i++) {
        b.add(remap[customer[i]], day[i], amount[i]);
      }
      return b.build();
    }
  }
}
