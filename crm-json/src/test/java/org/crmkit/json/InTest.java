package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.crmkit.core.Problem;
import org.crmkit.core.ProblemPath;
import org.crmkit.core.model.UserId;
import org.crmkit.json.Shape.Field;
import org.junit.jupiter.api.Test;

/** The toolkit's typed field readers: a value, or null and one problem at the field's path. */
class InTest {
  static final Shape SHAPE = new Shape("sample", "date?", "at?", "time?", "after?", "zone?",
      "amount?", "count?", "list?", "users?", "name");

  private static In in(String json, Problems problems) {
    return In.object(problems, JsonText.parse(json, "sample"), ProblemPath.of("$"), SHAPE);
  }

  @Test
  void typedReadersReturnValues() {
    Problems p = new Problems("sample");
    In in = in("""
        {"name": "x", "date": "2026-12-01", "at": "2026-12-01T09:00:00Z", "time": "09:30",
         "after": "P180D", "zone": "Europe/Berlin", "amount": 12345678901234567890.25,
         "count": 7, "list": ["a", "b"], "users": ["bob"]}""", p);
    assertThat(in.date("date")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(in.instant("at")).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(in.time("time")).isEqualTo(LocalTime.of(9, 30));
    assertThat(in.duration("after")).isEqualTo(Duration.ofDays(180));
    assertThat(in.zone("zone")).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(in.number("amount")).isEqualTo(12345678901234567890.25);
    assertThat(in.integer("count", 0)).isEqualTo(7);
    assertThat(in.strings("list", true)).containsExactly("a", "b");
    assertThat(in.parsedStrings("users", false, "a user id", UserId::of))
        .containsExactly(UserId.of("bob"));
    assertThat(in.text("name")).isEqualTo("x");
    assertThat(p.count()).isZero();
  }

  @Test
  void eachWrongFieldIsOneProblemAtItsPath() {
    Problems p = new Problems("sample");
    In in = in("""
        {"date": "2026-02-30", "at": "yesterday", "time": "9am", "after": "10 minutes",
         "zone": "Mars/Olympus", "amount": "12", "count": -1, "list": [], "users": [" ", 3],
         "colour": "red"}""", p);
    assertThat(java.util.Arrays.asList(in.date("date"), in.instant("at"), in.time("time"),
        in.duration("after"), in.zone("zone"))).containsOnlyNulls();
    assertThat(in.number("amount")).isNull();
    assertThat(in.integer("count", 0)).isNull();
    assertThat(in.strings("list", true)).isEmpty();
    assertThat(in.strings("users", false)).isEmpty();
    assertThat(in.text("name")).isNull();
    List<String> problems = new java.util.ArrayList<>();
    try {
      p.throwIfAny();
    } catch (org.crmkit.core.InvalidDefinitionException e) {
      e.problems().stream().map(Problem::toString).forEach(problems::add);
    }
    assertThat(problems).containsExactly(
        "$.colour: unknown field 'colour'; known fields: [date, at, time, after, zone, amount,"
            + " count, list, users, name]",
        "$.date: expected an ISO date (yyyy-MM-dd), but found \"2026-02-30\"",
        "$.at: expected an ISO-8601 instant like \"2026-11-23T09:00:00Z\", but found"
            + " \"yesterday\"",
        "$.time: expected a time like \"09:00\", but found \"9am\"",
        "$.after: expected an ISO-8601 duration such as \"P180D\" or \"PT12H\", but found"
            + " \"10 minutes\"",
        "$.zone: expected a time zone such as \"Europe/Berlin\" or \"UTC\", but found"
            + " \"Mars/Olympus\"",
        "$.amount: expected a finite number, but found the string \"12\"",
        "$.count: expected an integer >= 0, but found the number -1",
        "$.list: expected at least one element; leave the field out to mean all",
        "$.users[0]: expected a non-blank string, but found the string \" \"",
        "$.users[1]: expected a non-blank string, but found the number 3",
        "$.name: required string is missing");
  }

  @Test
  void aDomainConstructorsCheckBecomesAProblemAtThePath() {
    Problems p = new Problems("sample");
    assertThat(p.attempt(ProblemPath.of("$", "users").index(2), () -> UserId.of(" "))).isNull();
    assertThat(p.count()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(p::throwIfAny)
        .hasMessageContaining("$.users[2]: UserId.value");
  }

  @Test
  void aReaderMayNameOnlyDeclaredFields() {
    In in = in("{\"name\": \"x\"}", new Problems("sample"));
    assertThat(SHAPE.field("date").required()).isFalse();
    assertThat(SHAPE.field("name").required()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.text("nmae"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("crmkit bug: sample declares no field nmae");
  }
}
