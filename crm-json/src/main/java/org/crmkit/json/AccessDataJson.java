package org.crmkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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
import org.crmkit.json.Shape.Field;
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

  static final Shape ROOT = Documents.shape("access data document");
  static final Field ORG_UNITS = ROOT.optional("orgUnits");
  static final Field TERRITORIES = ROOT.optional("territories");
  static final Field USERS_FIELD = ROOT.required("users");
  static final Field RECORDS = ROOT.required("records");
  static final Users USERS = new Users("user", true);
  static final Shape RECORD = new Shape("record");
  static final Field ID = RECORD.required("id");
  static final Field TYPE = RECORD.required("type");
  static final Field OWNER = RECORD.required("owner");
  static final Field ORG_UNIT = RECORD.required("orgUnit");
  static final Field TERRITORY = RECORD.optional("territory");
  static final Field TEAM = RECORD.optional("team");
  static final Field MEMBERS = RECORD.optional("members");
  static final Field ATTRIBUTES = RECORD.optional("attributes");
  private static final String WHAT = "access data document";

  private AccessDataJson() {}

  /**
   * Reads an access-data document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path: malformed JSON,
   *     a wrong format, unknown fields, wrong types, duplicate ids, unknown parents, cycles (of
   *     org units, territories and managers), users or records naming unknown org units,
   *     territories, managers or owners
   */
  public static AccessData read(String json) {
    In root = Documents.open(json, WHAT, FORMAT, ROOT);
    Set<OrgUnitId> unitIds = new HashSet<>();
    Set<TerritoryId> territoryIds = new HashSet<>();
    Hierarchy<OrgUnitId> units =
        Nodes.hierarchy(root, ORG_UNITS, OrgUnitId::of, null, null, unitIds);
    Hierarchy<TerritoryId> territories =
        Nodes.hierarchy(root, TERRITORIES, TerritoryId::of, null, null, territoryIds);
    List<User> users = new ArrayList<>();
    Set<UserId> userIds = new HashSet<>();
    USERS.read(root, USERS_FIELD, unitIds, territoryIds, m -> {
      if (m.user() != null) {
        users.add(m.user());
      }
      if (m.id() != null) {
        userIds.add(UserId.of(m.id()));
      }
    });
    List<AccessRecord> records = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (In r : root.objects(RECORDS, RECORD)) {
      int before = r.problems.count();
      String id = r.text(ID);
      ObjectType type = r.parsed(TYPE, "an object type", ObjectType::of);
      UserId owner = r.parsed(OWNER, "a user id", UserId::of);
      OrgUnitId unit = r.parsed(ORG_UNIT, "an org unit id", OrgUnitId::of);
      TerritoryId territory = r.parsed(TERRITORY, "a territory id", TerritoryId::of);
      TeamId team = r.parsed(TEAM, "a team id", TeamId::of);
      List<UserId> members = r.parsedStrings(MEMBERS, false, "a user id", UserId::of);
      if (id != null && type != null && !keys.add(type.name() + "\u0000" + id)) {
        r.problems.add(r.at(ID), "duplicate record id '%s' for type '%s'", id, type.name());
      }
      if (owner != null && !userIds.contains(owner)) {
        r.problems.add(r.at(OWNER), "unknown user '%s'", owner);
      }
      if (unit != null && !unitIds.contains(unit)) {
        r.problems.add(r.at(ORG_UNIT), "unknown org unit '%s'", unit);
      }
      if (territory != null && !territoryIds.contains(territory)) {
        r.problems.add(r.at(TERRITORY), "unknown territory '%s'", territory);
      }
      for (int k = 0; k < members.size(); k++) {
        if (!userIds.contains(members.get(k))) {
          r.problems.add(r.at(MEMBERS).index(k), "unknown user '%s'", members.get(k));
        }
      }
      AccessRecord.Builder b = AccessRecord.builder().putAllAttributes(r.stringMap(ATTRIBUTES))
          .addAllMembers(members);
      if (id != null && type != null && owner != null && unit != null
          && r.problems.count() == before) {
        AccessRecord record = r.problems.attempt(r.path, () -> {
          b.id(id).type(type).owner(owner).orgUnit(unit);
          if (territory != null) {
            b.territory(territory);
          }
          if (team != null) {
            b.team(team);
          }
          return b.build();
        });
        if (record != null) {
          records.add(record);
        }
      }
    }
    root.problems.throwIfAny();
    return new AccessData(new Organisation(Objects.requireNonNull(units),
        Objects.requireNonNull(territories), users), records);
  }

  /**
   * Reads an access-data document from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static AccessData read(InputStream in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads an access-data document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static AccessData read(Reader in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads an access-data document from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static AccessData read(Path file) throws IOException {
    return read(JsonText.read(file));
  }

  /** Writes a document that {@link #read} turns back into equal data. */
  public static String write(AccessData data) {
    Organisation org = data.organisation();
    Out root = Out.document(FORMAT);
    Nodes.write(root, ORG_UNITS, org.orgUnits(), OrgUnitId::value);
    Nodes.write(root, TERRITORIES, org.territories(), TerritoryId::value);
    root.array(USERS_FIELD).array(RECORDS);
    org.users().forEach(u -> USERS.write(root.element(USERS_FIELD), u));
    for (AccessRecord r : data.records()) {
      Out o = root.element(RECORDS).put(ID, r.id()).put(TYPE, r.type().name())
          .put(OWNER, r.owner()).put(ORG_UNIT, r.orgUnit())
          .put(TERRITORY, r.territory().orElse(null))
          .put(TEAM, r.team().orElse(null)).strings(MEMBERS, new TreeSet<>(r.members()));
      if (!r.attributes().isEmpty()) {
        Out a = o.object(ATTRIBUTES);
        new TreeMap<>(r.attributes()).forEach((k, v) -> a.put(new Field(k, false), v));
      }
    }
    return root.text();
  }
}
