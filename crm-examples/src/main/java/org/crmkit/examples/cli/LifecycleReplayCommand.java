package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.Decision;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.Replay;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.Transition;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.examples.csv.Csv;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit lifecycle replay}: replays an event log ({@code subject_id,event,at}) through a
 * machine and prints each subject's final state, or exits 2 naming each subject's first illegal
 * step.
 *
 * <p>{@code at} is an ISO-8601 instant ({@code 2026-03-01T09:30:00Z}), an offset date-time
 * ({@code 2026-03-01T10:30:00+01:00}) or a plain date ({@code 2026-03-01}, read as midnight UTC).
 * A subject's rows are taken in file order and their {@code at} must not go backwards. Guards are
 * assumed satisfied (the log records events that happened; their inputs are not in it). Timed
 * transitions are checked: the current instant is the row's {@code at}, and every clock a timer
 * reads is the instant of the subject's previous event (so "no purchase for 180 days" means 180
 * days since the previous logged event).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replays an event log (CSV subject_id,event,at) and prints each subject's final "
        + "state; exits 2 naming the first illegal step of each subject.")
final class LifecycleReplayCommand implements Callable<Integer> {
  static final List<String> HEADER = List.of("subject_id", "event", "at");

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  LifecycleCommand.Source source;

  @Option(names = "--events", required = true, paramLabel = "FILE",
      description = "CSV with header subject_id,event,at; at is an ISO-8601 instant "
          + "(2026-03-01T09:30:00Z), offset date-time or plain date (midnight UTC).")
  java.nio.file.Path events;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "encoding of the events CSV (default UTF-8), e.g. windows-1252")
  String encoding;

  private record Row(int line, String subject, String event, Instant at) {}

  @Override
  public Integer call() {
    Machine machine = source.load();
    List<Row> rows;
    try (BufferedReader in = CliFiles.open(events, "--events", CliFiles.charset(encoding))) {
      rows = readRows(in);
    } catch (IOException e) {
      throw CliFiles.cannot("read", "--events", events, e);
    }
    Map<String, List<Row>> bySubject = new LinkedHashMap<>();
    for (Row r : rows) {
      bySubject.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r);
    }
    Set<String> clocks = new TreeSet<>();
    for (Transition t : machine.transitions()) {
      t.timer().ifPresent(timer -> clocks.add(timer.clock()));
    }
    List<String> illegal = new ArrayList<>();
    List<SubjectState> finals = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : bySubject.entrySet()) {
      SubjectState subject = machine.start(e.getKey());
      List<TransitionRecord> log = new ArrayList<>();
      Instant previous = null;
      String failure = null;
      for (Row r : e.getValue()) {
        if (previous != null && r.at().isBefore(previous)) {
          failure = "line " + r.line() + ": subject '" + r.subject() + "': at " + r.at()
              + " is before the subject's previous event at " + previous;
          break;
        }
        Decision d = machine.decide(subject.state(), r.event(),
            replayContext(clocks, previous == null ? r.at() : previous, r.at()));
        if (!d.accepted()) {
          failure = "line " + r.line() + ": subject '" + r.subject() + "': event '" + r.event()
              + "' at " + r.at() + " is illegal in state '" + subject.state() + "' ("
              + d.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): "
              + d.reason();
          break;
        }
        TransitionRecord record = new TransitionRecord(subject.subjectId(), subject.state(),
            d.state(), r.event(), r.at(), "replay", subject.version() + 1);
        subject = machine.apply(subject, record);
        log.add(record);
        previous = r.at();
      }
      if (failure != null) {
        illegal.add(failure);
        continue;
      }
      Replay check = machine.replay(log);
      if (!check.valid()) {
        illegal.add("subject '" + e.getKey() + "': " + check.illegalStep().get());
        continue;
      }
      finals.add(subject);
    }
    if (!illegal.isEmpty()) {
      throw new InvalidInputException(illegal);
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      Csv.writeRow(out, List.of("subject_id", "state", "version"));
      for (SubjectState s : finals) {
        Csv.writeRow(out, List.of(s.subjectId(), s.state(), Long.toString(s.version())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    return 0;
  }

  /** The context of one replayed event: now is the event's instant, every clock the previous one. */
  private static Context replayContext(Set<String> clocks, Instant clock, Instant now) {
    return new Context() {
      @Override
      public Optional<Object> get(String key) {
        return clocks.contains(key) ? Optional.of(clock) : Optional.empty();
      }

      @Override
      public Optional<Instant> now() {
        return Optional.of(now);
      }
    };
  }

  private static List<Row> readRows(BufferedReader text) {
    List<Csv.Row> raw = Csv.read(text, HEADER);
    List<Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Csv.Row r : raw) {
      String subject = r.get(0);
      String event = r.get(1);
      if (subject.isEmpty()) {
        problems.add("line " + r.line() + ": subject_id is empty");
      }
      if (event.isEmpty()) {
        problems.add("line " + r.line() + ": event is empty");
      }
      Instant at = parseAt(r.get(2));
      if (at == null) {
        problems.add("line " + r.line() + ": at '" + r.get(2) + "' is not an ISO-8601 instant "
            + "(2026-03-01T09:30:00Z), offset date-time (2026-03-01T10:30:00+01:00) or date "
            + "(2026-03-01) in the years 0001 to 9999");
      }
      if (!subject.isEmpty() && !event.isEmpty() && at != null) {
        rows.add(new Row(r.line(), subject, event, at));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return rows;
  }

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** The instant of an {@code at} field in the years 0001 to 9999, or null. */
  static Instant parseAt(String text) {
    Instant at = parseAnyAt(text);
    return at == null || at.isBefore(EARLIEST) || at.isAfter(LATEST) ? null : at;
  }

  private static Instant parseAnyAt(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // try a plain date
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
