package org.crmkit.spark.cli;

import static org.apache.spark.sql.functions.col;

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
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.crmkit.core.CrmException;
import org.crmkit.json.SegmentRulesJson;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.crmkit.spark.rfm.SparkRfm;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit-spark rfm}: the contract of {@code crmkit rfm} (same options, same CSV: header
 * {@code customer_id,recency_days,frequency,monetary,r,f,m,segment}, one file sorted by {@code
 * customer_id}, written by the driver to a temporary file and moved into place) on Spark.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
    description = {"Scores customers on recency, frequency and monetary value and assigns segments.",
        "Input: CSV customer_id,date,amount (ISO dates) or Parquet (*.parquet) with those columns.",
        "Output CSV: customer_id,recency_days,frequency,monetary,r,f,m,segment, sorted by customer_id."})
final class RfmJob implements Callable<Integer> {
  static final List<String> OUTPUT_HEADER = List.of(
      "customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment");

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--input", required = true,
      description = "transaction CSV file or directory, or Parquet (a path ending in .parquet)")
  @Nullable String input;

  @Option(names = "--as-of", required = true, description = "as-of date, yyyy-MM-dd")
  @Nullable LocalDate asOf;

  @Option(names = "--output", required = true,
      description = {"scores CSV file to write (local); with --output-format parquet a directory",
          "(any Spark path) that must not exist yet"})
  @Nullable String output;

  @Option(names = "--output-format", defaultValue = "csv",
      description = {"csv (default: one file, the crmkit rfm contract) or parquet (a directory of part files",
          "written by the executors, sorted by customer_id across the parts)"})
  String outputFormat = "csv";

  @Option(names = "--tiles", defaultValue = "5", description = "score levels (default 5)")
  int tiles;

  @Option(names = "--ties", defaultValue = "share",
      description = "tie policy: share (equal values, equal scores) or split (equal-sized tiles)")
  String ties = "share";

  @Option(names = "--segments",
      description = "builtin-10 (default for 5 tiles), builtin-11, or a crmkit.segment-rules/1 JSON file")
  @Nullable String segments;

  @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
  @Nullable String master;

  @Override
  public Integer call() {
    PrintWriter err = java.util.Objects.requireNonNull(spec).commandLine().getErr();
    String in = java.util.Objects.requireNonNull(input);
    LocalDate at = java.util.Objects.requireNonNull(asOf);
    boolean parquet = switch (outputFormat) {
      case "csv" -> false;
      case "parquet" -> true;
      default -> throw new CrmException("--output-format must be 'csv' or 'parquet', but was '"
          + outputFormat + "'");
    };
    TiePolicy policy = switch (ties) {
      case "share" -> TiePolicy.TIES_SHARE;
      case "split" -> TiePolicy.STABLE_SPLIT;
      default -> throw new CrmException("--ties must be 'share' or 'split', but was '" + ties + "'");
    };
    RfmScorer scorer = RfmScorer.builder().tiles(tiles).ties(policy).build();
    SegmentRules rules = rules(err);
    long started = System.nanoTime();
    try (SparkSessions session = SparkSessions.open(master, "crmkit-spark rfm")) {
      Dataset<Row> transactions = TransactionInput.read(session.spark, in);
      if (transactions.isEmpty()) {
        throw new CrmException(in + ": no transactions after the header");
      }
      SparkRfm rfm = SparkRfm.builder().scorer(scorer).build();
      Dataset<Row> aggregates = rfm.aggregates(transactions, at)
          .persist(StorageLevel.MEMORY_AND_DISK());
      RfmModel model = rfm.fit(aggregates, at);
      Dataset<Row> scores = rfm.score(aggregates, model);
      if (rules != null) {
        scores = rfm.segments(scores, rules);
      }
      Dataset<Row> out = scores.orderBy(SparkRfm.sortKey(col(SparkRfm.CUSTOMER_ID)));
      long written;
      if (parquet) {
        String target = java.util.Objects.requireNonNull(output);
        // the CSV's columns, in its order (segment null without rules); monetary stays a double
        // (the CSV prints it to 15 significant digits)
        Dataset<Row> rows = rules != null ? out : out.withColumn("segment",
            org.apache.spark.sql.functions.lit(null).cast(org.apache.spark.sql.types.DataTypes.StringType));
        rows.select(OUTPUT_HEADER.stream().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
            .write().parquet(target);
        written = session.spark.read().parquet(target).count();
      } else {
        written = write(out, rules != null);
      }
      aggregates.unpersist();
      err.printf("rfm: scored %,d customers in %.1f s%n", written,
          (System.nanoTime() - started) / 1e9);
    }
    err.flush();
    return 0;
  }

  private @Nullable SegmentRules rules(PrintWriter err) {
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
        throw new CrmException("--segments: '" + which
            + "' is neither builtin-10, builtin-11 nor an existing file");
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
      throw new CrmException("--segments: the rules are for " + rules.tiles()
          + " tiles, but --tiles is " + tiles);
    }
    if (rules.hasAttributeConditions()) {
      throw new CrmException("--segments: the rules have attribute conditions, "
          + "but the transaction CSV has no customer attributes");
    }
    return rules;
  }

  /** Streams the sorted scores to the driver, one partition at a time, into the CSV. */
  private long write(Dataset<Row> sorted, boolean withSegments) {
    long[] rows = {0};
    ClvJob.writeAtomically(Path.of(java.util.Objects.requireNonNull(output)), w -> {
      writeRow(w, OUTPUT_HEADER);
      Iterator<Row> it = sorted.toLocalIterator();
      int id = sorted.schema().fieldIndex(SparkRfm.CUSTOMER_ID);
      int rd = sorted.schema().fieldIndex(SparkRfm.RECENCY_DAYS);
      int fq = sorted.schema().fieldIndex(SparkRfm.FREQUENCY);
      int mo = sorted.schema().fieldIndex(SparkRfm.MONETARY);
      int r = sorted.schema().fieldIndex("r");
      int f = sorted.schema().fieldIndex("f");
      int m = sorted.schema().fieldIndex("m");
      int sg = withSegments ? sorted.schema().fieldIndex("segment") : -1;
      StringBuilder sb = new StringBuilder(128);
      while (it.hasNext()) {
        Row row = it.next();
        String segment = sg < 0 || row.isNullAt(sg) ? "" : row.getString(sg);
        String customer = row.getString(id);
        String monetary = decimal(row.getDouble(mo));
        if (needsQuotes(customer) || needsQuotes(segment)) {
          writeRow(w, List.of(customer, Integer.toString(row.getInt(rd)),
              Integer.toString(row.getInt(fq)), monetary, Integer.toString(row.getInt(r)),
              Integer.toString(row.getInt(f)), Integer.toString(row.getInt(m)), segment));
        } else {
          sb.setLength(0);
          sb.append(customer).append(',').append(row.getInt(rd)).append(',')
              .append(row.getInt(fq)).append(',').append(monetary).append(',')
              .append(row.getInt(r)).append(',').append(row.getInt(f)).append(',')
              .append(row.getInt(m)).append(',').append(segment).append('\n');
          w.append(sb);
        }
        rows[0]++;
      }
    });
    return rows[0];
  }

  /** As {@code crmkit rfm}: a field is quoted when {@link #needsQuotes} says so. */
  static void writeRow(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String f = fields.get(i);
      if (needsQuotes(f)) {
        out.write('"');
        out.write(f.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(f);
      }
    }
    out.write('\n');
  }

  /**
   * {@code crmkit}'s quoting rule (crm-examples' {@code Csv.needsQuotes}, which this module cannot
   * depend on at run time): a comma, a quote or a line break, or a blank at either end, so that
   * every id survives a write-read round trip and the file is byte-identical to crmkit's.
   */
  static boolean needsQuotes(String s) {
    return !s.isEmpty() && (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0 || Character.isWhitespace(s.charAt(0))
        || Character.isWhitespace(s.charAt(s.length() - 1)) || s.strip().length() != s.length());
  }

  /** As {@code crmkit rfm}: up to 15 significant digits, so float noise is not printed. */
  static String decimal(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(15)).stripTrailingZeros().toPlainString();
  }
}
