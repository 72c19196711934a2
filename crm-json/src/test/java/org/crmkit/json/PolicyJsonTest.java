package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.AdminPrivilege;
import org.crmkit.permissions.FieldAccess;
import org.crmkit.permissions.Module;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.PolicyDefinitions;
import org.crmkit.permissions.PolicyPresets;
import org.crmkit.permissions.Scope;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {
  static final String DATA = """
      {"format": "crmkit.access-data/1",
       "orgUnits": [{"id": "acme"}, {"id": "sales", "parent": "acme"},
                    {"id": "service", "parent": "acme"}],
       "territories": [{"id": "emea"}, {"id": "de", "parent": "emea"}],
       "users": [
         {"id": "ceo", "orgUnit": "acme", "roles": ["admin"]},
         {"id": "bob", "orgUnit": "sales", "manager": "ceo", "roles": ["rep"], "teams": ["t1"]},
         {"id": "sam", "orgUnit": "service", "manager": "ceo", "roles": ["agent"],
          "territories": ["emea"]}],
       "records": [
         {"id": "c1", "type": "customer", "owner": "bob", "orgUnit": "sales", "territory": "de"},
         {"id": "c2", "type": "customer", "owner": "ceo", "orgUnit": "acme",
          "attributes": {"industry": "defense"}, "members": ["sam"]}]}
      """;

  static final String POLICY = """
      {"format": "crmkit.policy/1",
       "standardModules": true,
       "roles": [{"id": "admin", "privileges": ["system-settings", "data-backup"]},
                 {"id": "rep", "parent": "admin"}, {"id": "agent", "parent": "admin"}],
       "grants": [
         {"role": "admin", "objectType": "customer", "scope": "all",
          "actions": ["read", "update", "export"]},
         {"role": "rep", "objectType": "customer", "scope": "own", "actions": ["read", "update"]},
         {"role": "agent", "objectType": "customer", "scope": "territory", "actions": ["read"]}],
       "fields": [{"role": "rep", "objectType": "customer", "field": "creditLimit",
                   "access": "read-only"}],
       "allocations": [{"orgUnit": "acme", "modules": ["customer-management"]},
                       {"orgUnit": "service", "modules": ["service-management"]}],
       "hierarchyAccess": ["customer"],
       "recordTeams": [{"objectType": "customer", "actions": ["read"]}],
       "sharingRules": [
         {"id": "sales-to-service", "ownedBy": {"orgUnit": "sales"},
          "sharedWith": {"role": "agent"}, "objectTypes": ["customer"], "actions": ["update"]}],
       "denies": [{"id": "no-defense-export", "who": {"everyone": true}, "actions": ["export"],
                   "when": {"industry": ["defense"]}}],
       "manualShares": [{"objectType": "customer", "record": "c2", "with": {"user": "bob"},
                         "actions": ["read"]}]}
      """;

  @Test
  void readsAPolicyAndItsData() {
    AccessData data = AccessDataJson.DOCUMENT.read(DATA);
    AccessPolicy policy = PolicyJson.read(POLICY, data.organisation());
    User bob = data.organisation().users().get(1);
    User sam = data.organisation().users().get(2);
    User ceo = data.organisation().users().get(0);
    AccessRecord c1 = data.records().get(0);
    AccessRecord c2 = data.records().get(1);
    assertThat(c2.members()).containsExactly(UserId.of("sam"));
    assertThat(policy.isAllowed(bob, Action.UPDATE, c1)).isTrue();
    assertThat(policy.check(sam, Action.READ, c1).basis()).isEqualTo(AccessDecision.Basis.GRANT);
    assertThat(policy.check(sam, Action.UPDATE, c1).ruleId()).contains("sales-to-service");
    assertThat(policy.check(sam, Action.READ, c2).basis())
        .isEqualTo(AccessDecision.Basis.RECORD_TEAM);
    assertThat(policy.check(bob, Action.READ, c2).basis())
        .isEqualTo(AccessDecision.Basis.MANUAL_SHARE);
    assertThat(policy.check(ceo, Action.EXPORT, c2).ruleId()).contains("no-defense-export");
    assertThat(policy.isAllowed(ceo, Action.EXPORT, c1)).isTrue();
    assertThat(policy.hasPrivilege(ceo, AdminPrivilege.DATA_BACKUP)).isTrue();
    assertThat(policy.fieldAccess(bob, ObjectType.CUSTOMER, "creditLimit"))
        .isEqualTo(FieldAccess.READ_ONLY);
  }

  @Test
  void reportsEveryStructuralProblemWithItsPath() {
    String bad = """
        {"format": "crmkit.policy/1", "colour": "red",
         "roles": [{"id": "rep", "privileges": ["fly"]}, {"parent": "rep"}],
         "grants": [{"role": "rep", "objectType": "customer", "scope": "galaxy",
                     "actions": ["read", "teleport"]}],
         "sharingRules": [{"id": "s", "ownedBy": {"role": "rep", "team": "t"},
                           "sharedWith": {"planet": "x"}, "actions": ["read"]},
                          {"id": "s2", "sharedWith": {"everyone": true}, "actions": ["read"]}],
         "allocations": [{"modules": ["marketing"]}]}
        """;
    assertThatThrownBy(() -> PolicyJson.DOCUMENT.read(bad))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::path)
            .containsExactlyInAnyOrder("$.colour", "$.roles[0].privileges[0]", "$.roles[1].id",
                "$.grants[0].scope", "$.grants[0].actions[1]", "$.sharingRules[0].sharedWith.planet",
                "$.sharingRules[0].ownedBy", "$.sharingRules[1]", "$.allocations[0]"));
  }

  @Test
  void reportsDanglingReferencesWithTheirJsonPath() {
    String dangling = """
        {"format": "crmkit.policy/1", "roles": [{"id": "rep"}],
         "grants": [{"role": "ghost", "objectType": "lead", "scope": "own", "actions": ["read"]}],
         "denies": [{"id": "d", "who": {"orgUnit": "mars"}}]}
        """;
    assertThatThrownBy(() -> PolicyJson.read(dangling, AccessDataJson.DOCUMENT.read(DATA).organisation()))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("$.grants[0].role: unknown role 'ghost'; known: [rep]")
        .hasMessageContaining("$.denies[0].who: unknown org unit 'mars'")
        .hasMessageContaining("organisation.users[0].roles: unknown role 'admin'");
  }

  @Test
  void rejectsMalformedJsonAndWrongFormats() {
    assertThatThrownBy(() -> PolicyJson.DOCUMENT.read("{\"format\": "))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> PolicyJson.DOCUMENT.read("{\"format\": \"crmkit.policy/9\"}"))
        .hasMessageContaining("$.format: unsupported version \"crmkit.policy/9\"");
    assertThatThrownBy(() -> PolicyJson.DOCUMENT.read("[]"))
        .hasMessageContaining("$: expected a JSON object");
  }

  @Test
  void accessDataProblemsAreReportedWithPaths() {
    String bad = """
        {"format": "crmkit.access-data/1",
         "orgUnits": [{"id": "a"}, {"id": "b", "parent": "zz"}],
         "users": [{"id": "u", "orgUnit": "nowhere", "manager": "boss"},
                   {"id": "u", "orgUnit": "a", "active": "yes"}],
         "records": [{"id": "r", "type": "lead", "owner": "ghost", "orgUnit": "a",
                      "members": ["nobody"]}, {"id": "r2"}]}
        """;
    assertThatThrownBy(() -> AccessDataJson.DOCUMENT.read(bad))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::path)
            .contains("$.orgUnits[1]", "$.users[0].orgUnit", "$.users[0].manager", "$.users[1].id",
                "$.users[1].active", "$.records[0].owner", "$.records[0].members[0]",
                "$.records[1].type", "$.records[1].owner", "$.records[1].orgUnit"));
    assertThat(List.of(AccessDataJson.FORMAT, PolicyJson.FORMAT))
        .containsExactly("crmkit.access-data/1", "crmkit.policy/1");
  }

  @Test
  void aPresetIsWrittenAsADocumentAndReadBackEqual() throws Exception {
    PolicyDefinitions preset = PolicyPresets.smallBusiness().definitions();
    String json = PolicyJson.DOCUMENT.write(preset);

    JsonNode tree = new ObjectMapper().readTree(json);
    assertThat(tree.get("standardModules").asBoolean()).isTrue();
    assertThat(tree.has("modules")).as("a flag, not five modules").isFalse();
    assertThat(tree.get("grants").get(0).get("objectType").asText())
        .as("the same document on every run: the standard modules in their order")
        .isEqualTo("customer");
    assertThat(tree.get("grants").get(tree.get("grants").size() - 1).toString())
        .as("sets are written in the enum's order").isEqualTo("{\"role\":\"service\","
            + "\"objectType\":\"case\",\"scope\":\"org-unit\","
            + "\"actions\":[\"create\",\"read\",\"update\",\"assign\"]}");
    assertThat(tree.get("hierarchyAccess").toString()).as("object types by name")
        .isEqualTo("[\"case\",\"customer\",\"opportunity\"]");
    PolicyDefinitions read = PolicyJson.DOCUMENT.read(json);
    assertThat(read).isEqualTo(preset);
    assertThat(PolicyJson.DOCUMENT.write(read)).isEqualTo(json);
  }

  @Test
  void aWrittenPresetDecidesAsThePresetOnRandomRequests() {
    OrgUnitId acme = OrgUnitId.of("acme");
    List<OrgUnitId> units = List.of(acme, OrgUnitId.of("sales"), OrgUnitId.of("sales-north"),
        OrgUnitId.of("service"));
    Hierarchy<OrgUnitId> tree = Hierarchy.<OrgUnitId>builder().root(acme)
        .child(acme, units.get(1)).child(units.get(1), units.get(2)).child(acme, units.get(3))
        .build();
    Map<AccessPolicy.Builder, List<String>> presets = Map.of(
        PolicyPresets.smallBusiness(), List.of("admin", "sales", "service"),
        PolicyPresets.enterprise(tree, Map.of(units.get(1),
            Set.of(Module.CUSTOMER_MANAGEMENT, Module.SALES_MANAGEMENT))),
        List.of("admin", "manager@sales", "member@sales", "member@sales-north",
            "manager@service", "member@service"));
    List<ObjectType> types = List.of(ObjectType.CUSTOMER, ObjectType.CONTACT, ObjectType.LEAD,
        ObjectType.OPPORTUNITY, ObjectType.CASE, ObjectType.CAMPAIGN, ObjectType.REPORT);
    Random r = new Random(20261201L);
    presets.forEach((preset, roles) -> {
      List<User> users = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        User.Builder u = User.builder().id(UserId.of("u" + i)).name("U" + i)
            .orgUnit(units.get(r.nextInt(units.size()))).active(r.nextInt(10) > 0)
            .addRoles(RoleId.of(roles.get(r.nextInt(roles.size()))));
        if (i > 0) {
          u.manager(UserId.of("u" + r.nextInt(i)));
        }
        users.add(u.build());
      }
      List<AccessRecord> records = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        records.add(AccessRecord.builder().id("r" + i).type(types.get(r.nextInt(types.size())))
            .owner(users.get(r.nextInt(users.size())).id())
            .orgUnit(units.get(r.nextInt(units.size()))).build());
      }
      Organisation org = Organisation.of(tree, users);
      AccessPolicy inCode = preset.organisation(org).build();
      AccessPolicy fromJson = PolicyJson.compile(
          PolicyJson.DOCUMENT.read(PolicyJson.DOCUMENT.write(inCode.definitions())), org);

      assertThat(AccessPolicy.diff(inCode, fromJson, users, records)).isEmpty();
      assertThat(fromJson.definitions()).isEqualTo(inCode.definitions());
      long allowed = users.stream().mapToLong(u -> inCode.filter(u, Action.READ, records).size())
          .sum();
      assertThat(allowed).as("a meaningful comparison: some, not all, reads allowed")
          .isPositive().isLessThan((long) users.size() * records.size());
    });
  }

  @Test
  void compilingReportsTheBuildersProblemsAtTheDocumentsPaths() {
    PolicyDefinitions d = PolicyJson.DOCUMENT.read("""
        {"format": "crmkit.policy/1", "roles": [{"id": "rep"}],
         "grants": [{"role": "rep", "objectType": "lead", "scope": "own", "actions": ["read"]},
                    {"role": "ghost", "objectType": "lead", "scope": "own", "actions": ["read"]}]}
        """);
    Organisation org = AccessDataJson.DOCUMENT.read(DATA).organisation();

    assertThatThrownBy(() -> PolicyJson.compile(d, org))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::toString).containsExactly(
                "organisation.users[0].roles: unknown role 'admin'; known: [rep]",
                "organisation.users[2].roles: unknown role 'agent'; known: [rep]",
                "$.grants[1].role: unknown role 'ghost'; known: [rep]"))
        .hasMessageStartingWith("invalid policy document");
    assertThatThrownBy(() -> d.compile(org)).as("without a document: the definitions' paths")
        .hasMessageContaining("grants[1].role: unknown role 'ghost'")
        .hasMessageNotContaining("$.");
    assertThat(d.grants().get(0).scope()).isEqualTo(Scope.OWN);
  }
}
