package org.crmkit.examples;

import org.crmkit.json.AccessData;
import org.crmkit.json.AccessDataJson;
import org.crmkit.json.PolicyJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessPredicate;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.Condition;
import org.crmkit.permissions.Group;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.Scope;
import org.crmkit.permissions.SqlFragment;
import org.crmkit.permissions.SqlMapping;
import org.junit.jupiter.api.Test;

/** The Permissions example of the README, compiled and run. */
class PermissionsExamplesTest {
  @Test
  void readmePermissionsExample() {
    OrgUnitId sales = OrgUnitId.of("sales"), north = OrgUnitId.of("sales-north");
    Hierarchy<OrgUnitId> units = Hierarchy.<OrgUnitId>builder()
        .root(sales).child(sales, north).build();
    User mia = User.builder().id(UserId.of("mia")).name("Mia").orgUnit(sales)
        .addRoles(RoleId.of("manager")).build();
    User bob = User.builder().id(UserId.of("bob")).name("Bob").orgUnit(north)
        .manager(mia.id()).addRoles(RoleId.of("rep")).build();

    AccessPolicy policy = AccessPolicy.builder()
        .organisation(Organisation.of(units, List.of(mia, bob)))
        .role("manager").role("rep", "manager")             // a parent inherits its children
        .grant("rep", ObjectType.CUSTOMER, Scope.OWN, Action.READ, Action.UPDATE)
        .grant("manager", ObjectType.CUSTOMER, Scope.ORG_UNIT_AND_BELOW, Action.READ)
        .hierarchyAccess(ObjectType.CUSTOMER)               // managers act on reports' records
        .deny("no-export", Group.everyone(), Set.of(), Set.of(Action.EXPORT),
            List.of(Condition.in("industry", "defense")))
        .build();                                           // validates everything at once

    AccessRecord acme = AccessRecord.builder().id("acme").type(ObjectType.CUSTOMER)
        .owner(bob.id()).orgUnit(north).build();
    AccessDecision d = policy.check(mia, Action.UPDATE, acme);
    d.allowed();    // true
    d.explain();    // "allowed: owner 'bob' reports to 'mia' (bob > mia) and hierarchy access ..."

    AccessPredicate visible = policy.accessPredicate(bob, Action.READ, ObjectType.CUSTOMER);
    SqlFragment where = visible.toSql(SqlMapping.defaults());
    // where.sql() = "owner_id IN (?)", where.parameters() = [bob]

    assertThat(d.allowed()).isTrue();
    assertThat(d.explain()).startsWith(
        "allowed: owner 'bob' reports to 'mia' (bob > mia) and hierarchy access is on for customer");
    assertThat(policy.isAllowed(bob, Action.READ, acme)).isTrue();
    assertThat(where.sql()).isEqualTo("owner_id IN (?)");
    assertThat(where.parameters()).containsExactly("bob");
  }

  @Test
  void theReadmeJsonExamplesAreValidDocuments() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    String permissions = readme.substring(readme.indexOf("## Permissions"));
    List<String> blocks = new java.util.ArrayList<>();
    for (int at = permissions.indexOf("```json\n"); at >= 0 && blocks.size() < 2;
        at = permissions.indexOf("```json\n", at + 1)) {
      int start = at + "```json\n".length();
      blocks.add(permissions.substring(start, permissions.indexOf("```", start)));
    }
    AccessData data = AccessDataJson.DOCUMENT.read(blocks.get(1));
    AccessPolicy policy = PolicyJson.read(blocks.get(0), data.organisation());
    User ceo = data.organisation().users().get(0);
    User bob = data.organisation().users().get(1);
    AccessRecord c1 = data.records().get(0);
    assertThat(policy.check(bob, Action.UPDATE, c1).allowed()).isTrue();
    assertThat(policy.check(ceo, Action.READ, c1).basis())
        .isEqualTo(AccessDecision.Basis.SHARING_RULE);
    assertThat(policy.check(ceo, Action.UPDATE, c1).basis())
        .isEqualTo(AccessDecision.Basis.MANUAL_SHARE);
  }
}
