package org.crmkit.core.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.junit.jupiter.api.Test;

class DatedHierarchyTest {
  private static final LocalDate Y2024 = LocalDate.of(2024, 1, 1);
  private static final LocalDate Y2025 = LocalDate.of(2025, 1, 1);

  private final DatedHierarchy<String> owners = DatedHierarchy.<String>builder()
      .root("EMEA")
      .root("APAC")
      .child("EMEA", "ISTANBUL", null, Y2025)
      .child("APAC", "ISTANBUL", Y2025, null)
      .child("EMEA", "KYIV", Y2024, null)
      .build();

  @Test
  void asOfGivesTheHierarchyOfThatDay() {
    assertThat(owners.asOf(LocalDate.of(2024, 12, 31)).parent("ISTANBUL")).contains("EMEA");
    assertThat(owners.asOf(Y2025).parent("ISTANBUL")).contains("APAC");
    assertThat(owners.asOf(LocalDate.of(2023, 6, 1)).contains("KYIV")).isFalse();
    assertThat(owners.asOf(Y2024).children("EMEA")).containsExactly("ISTANBUL", "KYIV");
    assertThat(owners.changeDates()).containsExactly(Y2024, Y2025);
    assertThat(owners.edges()).hasSize(5);
  }

  @Test
  void validToIsExclusiveAndValidFromInclusive() {
    DatedEdge<String> e = DatedEdge.of("a", "p", null, Y2024, Y2025);
    assertThat(e.isValidOn(Y2024)).isTrue();
    assertThat(e.isValidOn(Y2025.minusDays(1))).isTrue();
    assertThat(e.isValidOn(Y2025)).isFalse();
    assertThat(e.isValidOn(Y2024.minusDays(1))).isFalse();
    assertThat(e.toString()).isEqualTo("a → p [2024-01-01, 2025-01-01)");
  }

  @Test
  void overlappingEdgesOfOneNodeAreAProblem() {
    DatedHierarchy.Builder<String> b = DatedHierarchy.<String>builder()
        .root("EMEA").root("APAC")
        .child("EMEA", "ISTANBUL", null, LocalDate.of(2025, 3, 1))
        .child("APAC", "ISTANBUL", Y2025, null);
    assertThatThrownBy(b::build)
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("edges[3]: overlapping edges for node 'ISTANBUL': edges[3]"
            + " [2025-01-01, +∞) overlaps edges[2] [-∞, 2025-03-01)");
  }

  @Test
  void everyOverlappingPairIsReportedOnce() {
    DatedHierarchy.Builder<String> b = DatedHierarchy.<String>builder()
        .root("EMEA").root("APAC")
        .child("EMEA", "KYIV", Y2025, null)
        .child("APAC", "KYIV", Y2025, LocalDate.of(2026, 1, 1))
        .child("EMEA", "KYIV", LocalDate.of(2024, 7, 1), LocalDate.of(2026, 1, 1))
        .child("APAC", "KYIV", LocalDate.of(2027, 1, 1), null);
    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(
            e.problems().stream().map(Problem::toString).toList()).containsExactly(
                "edges[3]: overlapping edges for node 'KYIV': edges[3] [2025-01-01, 2026-01-01)"
                    + " overlaps edges[2] [2025-01-01, +∞); a node may have only one parent on"
                    + " any day",
                "edges[4]: overlapping edges for node 'KYIV': edges[4] [2024-07-01, 2026-01-01)"
                    + " overlaps edges[2] [2025-01-01, +∞); a node may have only one parent on"
                    + " any day",
                "edges[4]: overlapping edges for node 'KYIV': edges[4] [2024-07-01, 2026-01-01)"
                    + " overlaps edges[3] [2025-01-01, 2026-01-01); a node may have only one"
                    + " parent on any day",
                "edges[5]: overlapping edges for node 'KYIV': edges[5] [2027-01-01, +∞) overlaps"
                    + " edges[2] [2025-01-01, +∞); a node may have only one parent on any day"));
  }

  @Test
  void emptyIntervalsAreAProblem() {
    assertThatThrownBy(() -> DatedHierarchy.<String>builder().root("r", Y2025, Y2024).build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("edges[0]: empty interval for node 'r': validFrom 2025-01-01 must be"
            + " before validTo 2024-01-01");
  }

  @Test
  void aCycleThatExistsOnlyInOneSliceIsRejectedWithItsSlice() {
    DatedHierarchy.Builder<String> b = DatedHierarchy.<String>builder()
        .root("r")
        .child("r", "a", null, Y2024)
        .child("b", "a", Y2024, null)
        .child("r", "b", null, Y2025)
        .child("a", "b", Y2025, null);
    assertThatThrownBy(b::build)
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(ex -> {
          List<Problem> problems = ((InvalidDefinitionException) ex).problems();
          assertThat(problems).hasSize(1);
          assertThat(problems.get(0).toString())
              .contains("cycle of 2 nodes")
              .contains("'a' (edges[2])", "'b' (edges[4])")
              .endsWith("(in the slice [2025-01-01, +∞))");
        });
  }

  @Test
  void aParentMissingOnSomeDaysIsAnUnknownParentInThatSlice() {
    DatedHierarchy.Builder<String> b = DatedHierarchy.<String>builder()
        .root("p", Y2024, null)
        .child("p", "c");
    assertThatThrownBy(b::build)
        .hasMessageContaining("edges[1]: unknown parent 'p' of node 'c': no node has that id"
            + " (in the slice [-∞, 2024-01-01))");
  }

  @Test
  void levelsAreCheckedInEverySlice() {
    DatedHierarchy.Builder<String> b = DatedHierarchy.<String>builder()
        .levels(LevelSchema.territories())
        .edge(DatedEdge.of("G", null, "global", null, null))
        .edge(DatedEdge.of("E", "G", "region", null, null))
        .edge(DatedEdge.of("D", "E", "country", null, null))
        .edge(DatedEdge.of("B", "D", "city", null, Y2025))
        .edge(DatedEdge.of("B", "E", "city", Y2025, null));
    assertThatThrownBy(b::build)
        .hasMessageContaining("edges[4]: node 'B' (city) cannot sit under 'E' (region)")
        .hasMessageContaining("(in the slice [2025-01-01, +∞))");
  }

  @Test
  void slicesBeyondTheBudgetAreCompiledOnDemandWithTheSameResult() {
    DatedHierarchy<String> lean = DatedHierarchy.<String>builder()
        .retainBudget(0)
        .root("EMEA").root("APAC")
        .child("EMEA", "ISTANBUL", null, Y2025)
        .child("APAC", "ISTANBUL", Y2025, null)
        .child("EMEA", "KYIV", Y2024, null)
        .build();
    for (LocalDate d : List.of(Y2024.minusDays(1), Y2024, Y2025, Y2025, Y2024)) {
      assertThat(lean.asOf(d)).isEqualTo(owners.asOf(d));
    }
    assertThat(lean.asOf(Y2025)).isSameAs(lean.asOf(Y2025.plusDays(3)));
    assertThat(lean).isEqualTo(owners);
  }

  @Test
  void anEmptyDatedHierarchyIsEmptyEveryDay() {
    DatedHierarchy<String> none = DatedHierarchy.<String>builder().build();
    assertThat(none.asOf(Y2024).size()).isZero();
    assertThat(none.changeDates()).isEmpty();
  }
}
