package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleCommandTest {
  @TempDir Path dir;

  static final String TICKETS = """
      {"format": "crmkit.lifecycle/1", "name": "tickets", "initial": "open",
       "states": [{"name": "open"}, {"name": "working"}, {"name": "done", "final": true}],
       "transitions": [
         {"source": "open", "event": "start", "target": "working", "guards": ["has-owner"]},
         {"source": "working", "event": "finish", "target": "done", "effects": ["notify"]},
         {"source": "working", "event": "pause", "target": "open"},
         {"source": "working", "event": "note", "internal": true}]}
      """;

  record Result(int status, String out, String err) {}

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void mermaidDiagramOfTheCustomerLifecycle() {
    Result r = run("lifecycle", "diagram", "--machine", "customer-lifecycle", "--format", "mermaid");
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("stateDiagram-v2\n")
        .contains("    state active {\n        state \"closed-deal\" as closed_deal\n"
            + "        loyal\n    }\n")
        .contains("    potential --> intentional : show-interest / assign-sales-rep\n")
        .contains("    active --> churned : no-purchase after P180D since lastPurchaseAt"
            + " / start-win-back-campaign\n")
        .contains("    [*] --> prospective\n")
        .contains("    erased --> [*]\n");
  }

  @Test
  void dotDiagramOfTheSalesFunnel() {
    Result r = run("lifecycle", "diagram", "--machine", "sales-funnel", "--format", "dot");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .startsWith("digraph \"sales-funnel\" {\n")
        .contains("  subgraph \"cluster_opportunity\" {\n")
        .contains("  \"negotiation\" -> \"won\" [label=\"win\"];\n")
        .contains("  \"prospecting\" -> \"lost\" [label=\"lose\", ltail=\"cluster_opportunity\"];\n")
        .endsWith("}\n");
  }

  @Test
  void everyBuiltInMachineHasADiagram() {
    for (String name : LifecycleCommand.BUILT_IN.keySet()) {
      Result r = run("lifecycle", "diagram", "--machine", name);
      assertThat(r.status()).as(name).isZero();
      assertThat(r.out()).as(name).startsWith("stateDiagram-v2");
    }
  }

  @Test
  void diagramOfAJsonDefinition() throws IOException {
    Path def = file("tickets.json", TICKETS);
    Result r = run("lifecycle", "diagram", "--definition", def.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("""
        stateDiagram-v2
            open
            working
            done
            [*] --> open
            open --> working : start [has-owner]
            working --> done : finish / notify
            working --> open : pause
            working --> working : note (internal)
            done --> [*]
        """);
  }

  @Test
  void diagramBadInput() throws IOException {
    Result unknown = run("lifecycle", "diagram", "--machine", "pipeline");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown machine 'pipeline'; built-in machines: "
        + "customer-lifecycle, sales-funnel, lead-temperature, business-process, contact-stages");
    assertThat(run("lifecycle", "diagram", "--machine", "sales-funnel", "--format", "svg").status())
        .isEqualTo(2);
    assertThat(run("lifecycle", "diagram").status()).isEqualTo(2);
    Path def = file("t.json", TICKETS);
    assertThat(run("lifecycle", "diagram", "--machine", "sales-funnel", "--definition",
        def.toString()).status()).isEqualTo(2);
    Result missing = run("lifecycle", "diagram", "--definition", dir.resolve("nope.json").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    Path bad = file("bad.json", TICKETS.replace("\"target\": \"done\"", "\"target\": \"gone\""));
    Result invalid = run("lifecycle", "diagram", "--definition", bad.toString());
    assertThat(invalid.status()).isEqualTo(2);
    assertThat(invalid.err()).contains("$.transitions[1].target: unknown state 'gone'");
    assertThat(invalid.out()).isEmpty();
    assertThat(run("lifecycle").status()).isEqualTo(2);
  }

  @Test
  void replayPrintsEachSubjectsFinalState() throws IOException {
    Path def = file("tickets.json", TICKETS);
    Path events = file("events.csv", """
        subject_id,event,at
        t-1,start,2026-03-01T09:00:00Z
        t-2,start,2026-03-01
        t-1,note,2026-03-01T10:00:00+01:00
        t-1,finish,2026-03-02T00:00:00Z
        t-3,start,2026-03-05T00:00:00Z
        t-3,pause,2026-03-05T00:00:00Z
        """);
    Result r = run("lifecycle", "replay", "--definition", def.toString(), "--events",
        events.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("""
        subject_id,state,version
        t-1,done,3
        t-2,working,1
        t-3,open,2
        """);
  }

  @Test
  void replayExitsTwoNamingTheFirstIllegalStepOfEachSubject() throws IOException {
    Path def = file("tickets.json", TICKETS);
    Path events = file("events.csv", """
        subject_id,event,at
        t-1,start,2026-03-01T09:00:00Z
        t-2,finish,2026-03-01T09:00:00Z
        t-1,finish,2026-03-02T00:00:00Z
        t-1,pause,2026-03-03T00:00:00Z
        t-2,start,2026-03-04T00:00:00Z
        t-3,start,2026-03-05T00:00:00Z
        t-3,pause,2026-03-04T00:00:00Z
        t-4,start,2026-03-05T00:00:00Z
        """);
    Result r = run("lifecycle", "replay", "--definition", def.toString(), "--events",
        events.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("line 5: subject 't-1': event 'pause' at 2026-03-03T00:00:00Z is illegal in "
            + "state 'done' (final state)")
        .contains("line 3: subject 't-2': event 'finish' at 2026-03-01T09:00:00Z is illegal in "
            + "state 'open' (no transition): no transition on 'finish' in 'open'")
        .contains("line 8: subject 't-3': at 2026-03-04T00:00:00Z is before the subject's "
            + "previous event at 2026-03-05T00:00:00Z")
        .doesNotContain("t-4")
        .doesNotContain("line 6");
  }

  @Test
  void replayChecksTimersAgainstThePreviousEvent() throws IOException {
    Path events = file("events.csv", """
        subject_id,event,at
        c-1,order-paid,2026-01-01
        c-1,no-purchase,2026-06-29
        c-2,order-paid,2026-01-01
        c-2,no-purchase,2026-06-30
        c-2,order-paid,2026-07-15
        """);
    Result r = run("lifecycle", "replay", "--machine", "customer-lifecycle", "--events",
        events.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .contains("line 3: subject 'c-1': event 'no-purchase' at 2026-06-29T00:00:00Z is illegal "
            + "in state 'closed-deal' (guard failed)")
        .contains("due at 2026-06-30T00:00:00Z")
        .doesNotContain("c-2");
  }

  @Test
  void replayBadInput() throws IOException {
    Path def = file("tickets.json", TICKETS);
    Path badHeader = file("h.csv", "subject,event,at\nt-1,start,2026-03-01\n");
    Result h = run("lifecycle", "replay", "--definition", def.toString(), "--events",
        badHeader.toString());
    assertThat(h.status()).isEqualTo(2);
    assertThat(h.err()).contains("line 1: expected the header subject_id,event,at");
    Path badRows = file("r.csv", """
        subject_id,event,at
        t-1,start,yesterday
        ,start,2026-03-01
        t-2,,2026-03-01
        t-3,start
        """);
    Result rows = run("lifecycle", "replay", "--definition", def.toString(), "--events",
        badRows.toString());
    assertThat(rows.status()).isEqualTo(2);
    assertThat(rows.err()).contains("line 5: expected 3 fields");
    Path badValues = file("v.csv", """
        subject_id,event,at
        t-1,start,yesterday
        ,start,2026-03-01
        t-2,,2026-03-01
        """);
    Result values = run("lifecycle", "replay", "--definition", def.toString(), "--events",
        badValues.toString());
    assertThat(values.status()).isEqualTo(2);
    assertThat(values.err())
        .contains("line 2: at 'yesterday' is not an ISO-8601 instant")
        .contains("line 3: subject_id is empty")
        .contains("line 4: event is empty");
    Result noEvents = run("lifecycle", "replay", "--definition", def.toString());
    assertThat(noEvents.status()).isEqualTo(2);
    Result missing = run("lifecycle", "replay", "--definition", def.toString(), "--events",
        dir.resolve("none.csv").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }
}
