package org.crmkit.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;

/**
 * Reads and writes access-data documents ({@code "format": "crmkit.access-data/1"}): org units,
 * territories, users and records. Stateless and thread-safe.
 *
 * <pre>{@code
 * {"format": "crmkit.access-data/1",
 *  "orgUnits": [{"id": "acme"}, {"id": "sales", "parent": "acme"}],
 *  "territories": [{"id": "emea"}, {"id": "de", "parent": "emea"}],
 *  "users": [{"id": "bob", "name": "Bob", "orgUnit": "sales", "roles": ["rep"]}],
 *  "records": [{"id": "c1", "type": "customer", "owner": "bob", "orgUnit": "sales",
 *               "territory": "de", "members": [], "attributes": {"industry": "retail"}}]}
 * }</pre>
 */
public final class AccessDataJson {
  /** The format this reader understands and the writer produces. */
  public static final String FORMAT = "crmkit.access-data/1";

  static final Shape ROOT = Shape.document("access data document", "orgUnits?", "territories?",
      "users", "records");
  static final Users USERS = new Users("user", true);
  static final Shape RECORD = new Shape("record", "id", "type", "owner", "orgUnit", "territory?",
      "team?", "members?", "attributes?");

  /**
   * The document from and to any source. Reading throws {@link InvalidDefinitionException} listing
   * every problem with its JSON path: malformed JSON, a wrong format, unknown fields, wrong types,
   * duplicate ids, unknown parents, cycles (of org units, territories and managers), users or
   * records naming unknown org units, territories, managers or owners. Writing gives a document
   * that reads back into equal data.
   */
  public static final JsonDocument<AccessData> DOCUMENT =
      new JsonDocument<>(FORMAT, ROOT, AccessDataJson::read, AccessDataJson::tree);

  private AccessDataJson() {}

  private static AccessData read(In root) {
    Set<OrgUnitId> unitIds = new HashSet<>();
    Set<TerritoryId> territoryIds = new HashSet<>();
    Hierarchy<OrgUnitId> units =
        Nodes.hierarchy(root, "orgUnits", OrgUnitId::of, null, null, unitIds);
    Hierarchy<TerritoryId> territories =
        Nodes.hierarchy(root, "territories", TerritoryId::of, null, null, territoryIds);
    List<User> users = new ArrayList<>();
    Set<UserId> userIds = new HashSet<>();
    USERS.read(root, "users", unitIds, territoryIds, m -> {
      if (m.user() != null) {
        users.add(m.user());
      }
      if (m.id() != null) {
        userIds.add(UserId.of(m.id()));
      }
    });
    Set<String> keys = new HashSet<>();
    List<AccessRecord> records = root.list("records", RECORD, r -> {
      int before = r.problems.count();
      String id = r.text("id");
      ObjectType type = r.parsed("type", "an object type", ObjectType::of);
      UserId owner = r.parsed("owner", "a user id", UserId::of);
      OrgUnitId unit = r.parsed("orgUnit", "an org unit id", OrgUnitId::of);
      TerritoryId territory = r.parsed("territory", "a territory id", TerritoryId::of);
      TeamId team = r.parsed("team", "a team id", TeamId::of);
      List<UserId> members = r.parsedStrings("members", false, "a user id", UserId::of);
      if (id != null && type != null && !keys.add(type.name() + "\u0000" + id)) {
        r.problems.add(r.at("id"), "duplicate record id '%s' for type '%s'", id, type.name());
      }
      r.known(r.at("owner"), owner, userIds, "user");
      r.known(r.at("orgUnit"), unit, unitIds, "org unit");
      r.known(r.at("territory"), territory, territoryIds, "territory");
      for (int k = 0; k < members.size(); k++) {
        r.known(r.at("members").index(k), members.get(k), userIds, "user");
      }
      Map<String, String> attributes = r.stringMap("attributes");
      return id == null || type == null || owner == null || unit == null
          || r.problems.count() > before ? null : r.problems.attempt(r.path, () ->
          AccessRecord.builder().id(id).type(type).owner(owner).orgUnit(unit)
              .territory(Optional.ofNullable(territory)).team(Optional.ofNullable(team))
              .addAllMembers(members).putAllAttributes(attributes).build());
    });
    root.problems.throwIfAny();
    return new AccessData(new Organisation(Objects.requireNonNull(units),
        Objects.requireNonNull(territories), users), records);
  }

  private static void tree(Out root, AccessData data) {
    Organisation org = data.organisation();
    Nodes.write(root, "orgUnits", org.orgUnits(), OrgUnitId::value);
    Nodes.write(root, "territories", org.territories(), TerritoryId::value);
    root.array("users").array("records");
    org.users().forEach(u -> USERS.write(root.element("users"), u));
    for (AccessRecord r : data.records()) {
      Out o = root.element("records").put("id", r.id()).put("type", r.type().name())
          .put("owner", r.owner()).put("orgUnit", r.orgUnit())
          .put("territory", r.territory().orElse(null))
          .put("team", r.team().orElse(null)).strings("members", new TreeSet<>(r.members()));
      if (!r.attributes().isEmpty()) {
        Out a = o.object("attributes");
        new TreeMap<>(r.attributes()).forEach((k, v) -> a.put(k, v));
      }
    }
  }
}
