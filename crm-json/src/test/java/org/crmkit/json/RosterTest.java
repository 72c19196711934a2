package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

/** The one roster reader: the same rules for access data and teams. */
class RosterTest {

  @Test
  void managerCyclesAreRejectedInTeamsAndAccessDataAlike() {
    assertThatThrownBy(() -> AssignmentTeamJson.DOCUMENT.read("""
        {"format": "crmkit.assignment-team/1", "users": [
          {"id": "a", "manager": "c"}, {"id": "b", "manager": "a"}, {"id": "c", "manager": "b"},
          {"id": "d", "manager": "d"}]}"""))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("$.users[0].manager: manager cycle of 3 users: a → c → b → a")
        .hasMessageContaining("$.users[3].manager: a user cannot be their own manager ('d')");
    assertThatThrownBy(() -> AccessDataJson.DOCUMENT.read("""
        {"format": "crmkit.access-data/1", "orgUnits": [{"id": "o"}], "records": [],
         "users": [{"id": "a", "orgUnit": "o", "manager": "b"},
                   {"id": "b", "orgUnit": "o", "manager": "a"}]}"""))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("$.users[0].manager: manager cycle of 2 users: a → b → a");
  }

  @Test
  void longCyclesAreAbbreviated() {
    StringBuilder users = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      users.append(i == 0 ? "" : ",").append("{\"id\": \"u").append(i)
          .append("\", \"manager\": \"u").append((i + 1) % 1000).append("\"}");
    }
    assertThatThrownBy(() -> AssignmentTeamJson.DOCUMENT.read(
        "{\"format\": \"crmkit.assignment-team/1\", \"users\": [" + users + "]}"))
        .hasMessageContaining("manager cycle of 1000 users: u0 → u1 → u2 → … → u998 → u999 → u0")
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage().length())
            .isLessThan(300));
  }

  @Test
  void referencesAreCheckedAgainstDeclaredIdsWithoutCascades() {
    assertThatThrownBy(() -> AccessDataJson.DOCUMENT.read("""
        {"format": "crmkit.access-data/1",
         "orgUnits": [{"id": "a"}, {"id": "b", "parent": "zz"}],
         "users": [{"id": "u", "orgUnit": "b"}, {"id": "v", "orgUnit": "nowhere"}],
         "records": []}"""))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            org.assertj.core.api.Assertions.assertThat(e.problems()).extracting(Object::toString)
                .containsExactly("$.orgUnits[1]: unknown parent 'zz' of node 'b': no node has"
                    + " that id", "$.users[1].orgUnit: unknown org unit 'nowhere'"));
  }
}
