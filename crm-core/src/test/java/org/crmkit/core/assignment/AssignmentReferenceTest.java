package org.crmkit.core.assignment;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the compiled engine and the naive {@link NaiveAssigner} agree on every
 * decision (assignee, rule, fallback, skipped members and reasons) and on the final state, for
 * random hierarchies, rosters, profiles, entries and leads at random instants.
 */
class AssignmentReferenceTest {

  @Test
  void engineAgreesWithTheNaiveReference() {
    qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
      AssignmentScenario s = new AssignmentScenario(seed, 150);
      AssignmentRules rules = s.rules();
      if (rules == null) {
        return; // an invalid random definition (e.g. an unreachable entry): nothing to compare
      }
      NaiveAssigner naive = new NaiveAssigner(s);
      AssignmentBatch got = rules.replay(AssignmentState.empty(), s.log);
      for (int i = 0; i < s.log.size(); i++) {
        AssignmentRequest r = s.log.get(i);
        NaiveAssigner.Decision want = naive.assign(r.lead(), r.at());
        Assignment a = got.assignments().get(i);
        NaiveAssigner.Decision actual = new NaiveAssigner.Decision(a.assignee(), a.rule(),
            a.fellBack(), a.skipped().stream().map(k -> k.user() + ":" + k.reason())
                .collect(Collectors.toList()));
        if (!actual.equals(want)) {
          throw new AssertionError("seed " + seed + ", lead " + i + " " + r + ": engine "
              + actual + " but reference " + want);
        }
      }
      if (!got.nextState().equals(naive.state())) {
        throw new AssertionError("seed " + seed + ": final state " + got.nextState()
            + " but reference " + naive.state());
      }
    });
  }

  @Test
  void theArrayBatchApiAgreesWithTheNaiveReference() {
    qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
      AssignmentScenario s = new AssignmentScenario(seed, 150);
      AssignmentRules rules = s.rules();
      if (rules == null) {
        return;
      }
      java.time.Instant at = s.log.get(0).at();
      NaiveAssigner naive = new NaiveAssigner(s);
      int[] who = new int[s.log.size()];
      int[] rule = new int[s.log.size()];
      AssignmentState end = rules.assignAll(s.leads(), AssignmentState.empty(), at, who, rule);
      for (int i = 0; i < who.length; i++) {
        NaiveAssigner.Decision want = naive.assign(s.log.get(i).lead(), at);
        if (!rules.assigneeOf(who[i]).equals(want.assignee())
            || !rules.ruleName(rule[i]).equals(want.rule())) {
          throw new AssertionError("seed " + seed + ", lead " + i + ": engine "
              + rules.assigneeOf(who[i]) + " by " + rules.ruleName(rule[i]) + " but reference "
              + want);
        }
      }
      if (!end.equals(naive.state())) {
        throw new AssertionError("seed " + seed + ": final state " + end + " but reference "
            + naive.state());
      }
    });
  }

  @Test
  void mostRandomScenariosAreValidSoTheDifferentialTestHasTeeth() {
    long valid = new java.util.Random(7).longs(200).filter(seed ->
        new AssignmentScenario(seed, 0).rules() != null).count();
    org.assertj.core.api.Assertions.assertThat(valid).isGreaterThan(100);
    List<Long> distributing = new java.util.Random(7).longs(200).boxed()
        .filter(seed -> new AssignmentScenario(seed, 0).entries.stream()
            .anyMatch(e -> e.target().kind() == Target.Kind.DISTRIBUTION))
        .collect(Collectors.toList());
    org.assertj.core.api.Assertions.assertThat(distributing.size()).isGreaterThan(100);
  }
}
