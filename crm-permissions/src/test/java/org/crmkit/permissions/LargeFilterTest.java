package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.User;
import org.junit.jupiter.api.Test;

/**
 * {@code filter} on lists large enough to be evaluated in parallel chunks gives exactly the
 * records {@code check} allows, in input order, as the sequential path does.
 */
class LargeFilterTest {

  private static List<AccessRecord> large(World w) {
    List<AccessRecord> out = new ArrayList<>();
    while (out.size() < AccessPolicy.PARALLEL_THRESHOLD + 7_919) {
      out.addAll(w.records);
    }
    return out;
  }

  @Test
  void parallelFilterEqualsCheckInInputOrder() {
    int nonTrivial = 0;
    for (long seed = 1; seed <= 12; seed++) {
      World w = World.random(seed);
      AccessPolicy policy = w.policy();
      List<AccessRecord> records = large(w);
      assertThat(records.size()).isGreaterThanOrEqualTo(AccessPolicy.PARALLEL_THRESHOLD);
      List<User> users = w.subjects();
      for (User u : users.subList(0, Math.min(4, users.size()))) {
        for (Action a : List.of(Action.READ, Action.UPDATE, Action.DELETE)) {
          List<AccessRecord> expected = new ArrayList<>();
          for (AccessRecord r : records) {
            if (policy.check(u, a, r).allowed()) {
              expected.add(r);
            }
          }
          List<AccessRecord> parallel = policy.filter(u, a, records);
          // a non-random-access collection takes the sequential path
          List<AccessRecord> sequential = policy.filter(u, a, new LinkedList<>(records));
          assertThat(parallel).as("seed %s, %s, %s", seed, u.id(), a).containsExactlyElementsOf(expected);
          assertThat(sequential).containsExactlyElementsOf(expected);
          nonTrivial += !expected.isEmpty() && expected.size() < records.size() ? 1 : 0;
        }
      }
    }
    assertThat(nonTrivial).isGreaterThan(10);
  }

  @Test
  void aNullRecordInALargeListIsAClearError() {
    World w = World.random(3);
    AccessPolicy policy = w.policy();
    List<AccessRecord> records = large(w);
    records.set(records.size() / 2, null);
    assertThatThrownBy(() -> policy.filter(w.subjects().get(0), Action.READ, records))
        .isInstanceOf(CrmException.class)
        .hasMessage("record is required, but was null");
  }
}
