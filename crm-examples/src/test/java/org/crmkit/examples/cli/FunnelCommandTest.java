package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit funnel analyze} and {@code crmkit forecast pipeline} on small logs. */
class FunnelCommandTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void analyzeCountsEveryStage() throws IOException {
    Path records = dir.resolve("records.csv");
    Files.write(records, List.of("subject_id,from,to,event,at",
        "a,lead,prospecting,convert,2024-01-01", "a,prospecting,proposal,advance,2024-01-11", "a,proposal,won,win,2024-01-31",
        "b,lead,prospecting,convert,2024-01-02", "b,prospecting,lost,lose,2024-01-06",
        "c,lead,prospecting,convert,2024-01-03", "c,prospecting,proposal,advance,2024-01-23",
        "d,lead,prospecting,convert,2024-02-01",
        "e,lead,prospecting,convert,2024-01-05", "e,prospecting,proposal,advance,2024-01-11",
        "e,proposal,lost,lose,2024-02-10"));
    Path cohorts = dir.resolve("cohorts.csv");
    Run r = run("funnel", "analyze", "--records", records.toString(), "--as-of", "2024-02-15", "--cohorts", cohorts.toString(),
        "--cohort-days", "28");
    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", FunnelCommand.HEADER));
    assertThat(lines).contains("prospecting,5,3,1,2,1,0.750000,0.333333,10.000,6.000,20.000,20.000,5");
    assertThat(lines).anyMatch(l -> l.startsWith("won,1,0,1,0,1,,1.000000,,,,,1"));
    assertThat(Files.readAllLines(cohorts)).first().isEqualTo("cohort_start,subjects,window,won_share");

    Path bad = dir.resolve("bad.csv");
    Files.write(bad, List.of("subject_id,from,to,event,at", "a,lead,prospecting,convert,yesterday", "b,x,y,z"));
    Run badRun = run("funnel", "analyze", "--records", bad.toString());
    assertThat(badRun.status()).isEqualTo(2);
    assertThat(badRun.err()).contains("line 2: at 'yesterday' is not an ISO-8601", "line 3: expected 5 fields");
  }

  @Test
  void pipelineForecastPrintsPeriodsAndTotal() throws IOException {
    // a seeded history: deals convert, then advance from proposal to negotiation to won, or are lost
    SplittableRandom random = new SplittableRandom(3);
    List<String> log = new ArrayList<>(List.of("subject_id,from,to,event,at"));
    for (int i = 0; i < 400; i++) {
      long day = random.nextLong(0, 300);
      log.add("d" + i + ",lead,proposal,convert,2024-01-01T00:00:00Z".replace("2024-01-01T00:00:00Z",
          java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(day * 86_400).toString()));
      long next = day + 1 + random.nextLong(0, 40);
      boolean advance = random.nextDouble() < 0.6;
      log.add("d" + i + ",proposal," + (advance ? "negotiation,advance," : "lost,lose,")
          + java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(next * 86_400));
      if (advance) {
        long end = next + 1 + random.nextLong(0, 20);
        boolean win = random.nextDouble() < 0.7;
        log.add("d" + i + ",negotiation," + (win ? "won,win," : "lost,lose,")
            + java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(end * 86_400));
      }
    }
    Path records = dir.resolve("history.csv");
    Files.write(records, log);
    Path deals = dir.resolve("deals.csv");
    Files.write(deals, List.of("deal_id,stage,amount,days_in_stage", "x1,proposal,1000,3", "x2,negotiation,5000,2",
        "x3,proposal,2500.50,10"));
    Run r = run("forecast", "pipeline", "--records", records.toString(), "--deals", deals.toString(),
        "--as-of", "2025-01-01", "--periods", "3", "--period-days", "30");
    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    System.out.println(r.out());
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("period,expected,lower,upper");
    assertThat(lines.get(4)).startsWith("total,");
    double total = Double.parseDouble(lines.get(4).split(",")[1]);
    // about 0.42 * 3500.5 + 0.7 * 5000 = 4970 expected within 90 days
    assertThat(total).isBetween(4000.0, 6000.0);
    Run declared = run("forecast", "pipeline", "--records", records.toString(), "--deals", deals.toString(),
        "--as-of", "2025-01-01", "--periods", "3", "--declared");
    assertThat(declared.status()).as(declared.err()).isZero();
    // the sales funnel declares 0.5 for proposal and 0.8 for negotiation
    assertThat(Double.parseDouble(declared.out().lines().toList().get(4).split(",")[1]))
        .isBetween(0.5 * 3500.5 + 0.8 * 5000 - 1, 0.5 * 3500.5 + 0.8 * 5000 + 1);

    Files.write(deals, List.of("deal_id,stage,amount,days_in_stage", "x1,proposal,-5,3"));
    Run bad = run("forecast", "pipeline", "--records", records.toString(), "--deals", deals.toString());
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("line 2:");
  }

  @Test
  void analyzeReadsTheDemosPersistedAuditTrail() {
    String url = "jdbc:h2:" + dir.resolve("demo").toAbsolutePath();
    Run demo = run("demo", "--customers", "500", "--report", dir.resolve("r.html").toString(), "--jdbc-url", url);
    assertThat(demo.status()).as(demo.err()).isZero();
    // the demo's customer lifecycle: loyal customers are the "won", churned the "lost"
    Run r = run("funnel", "analyze", "--jdbc-url", url, "--won", "loyal", "--lost", "churned");
    assertThat(r.status()).as(r.err()).isZero();
    System.out.println("funnel of the demo's audit trail:\n" + r.out());
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", FunnelCommand.HEADER));
    assertThat(lines).hasSizeGreaterThan(2);
    assertThat(lines).anyMatch(l -> l.startsWith("loyal,"));
    Run both = run("funnel", "analyze", "--jdbc-url", url, "--records", "x.csv");
    assertThat(both.status()).isEqualTo(2);
  }
}
