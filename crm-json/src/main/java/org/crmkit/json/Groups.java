package org.crmkit.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.json.Shape.Field;
import org.crmkit.permissions.Group;
import org.jspecify.annotations.Nullable;

/**
 * The one reader and writer of groups: an object with exactly one of {@code user}, {@code role},
 * {@code roleAndBelow}, {@code team}, {@code orgUnit}, {@code orgUnitAndBelow} (an id) or {@code
 * everyone} ({@code true}).
 */
final class Groups {
  static final Shape GROUP = new Shape("group");

  static {
    for (Group.Kind k : Group.Kind.values()) {
      GROUP.optional(k.label());
    }
  }

  private Groups() {}

  /** The group in field {@code f}; null (and a problem) if missing or malformed. */
  static @Nullable Group read(In parent, Field f) {
    In g = parent.object(f, GROUP);
    if (g == null) {
      return null;
    }
    List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> kinds = new ArrayList<>();
    g.node.properties().forEach(kinds::add);
    if (kinds.size() != 1) {
      g.problems.add(g.path, "expected exactly one of %s, but found %d", GROUP.names(),
          kinds.size());
      return null;
    }
    for (Group.Kind k : Group.Kind.values()) {
      Field kf = new Field(k.label(), true);
      if (!g.has(kf)) {
        continue;
      }
      if (k == Group.Kind.EVERYONE) {
        if (!g.bool(kf, false)) {
          g.problems.add(g.at(kf), "expected true, but found %s",
              Problems.describe(g.get(kf)));
          return null;
        }
        return Group.everyone();
      }
      String id = g.text(kf);
      return id == null ? null : new Group(k, id);
    }
    if (GROUP.names().contains(kinds.get(0).getKey())) {
      g.problems.add(g.path.field(kinds.get(0).getKey()), "expected %s, but found null",
          kinds.get(0).getKey().equals("everyone") ? "true" : "a non-blank string");
    }
    return null;
  }

  /** Writes {@code group} as the object field {@code f}. */
  static void write(Out parent, Field f, Group group) {
    Out o = parent.object(f);
    Field kf = new Field(group.kind().label(), true);
    if (group.kind() == Group.Kind.EVERYONE) {
      o.bool(kf, true);
    } else {
      o.put(kf, group.id());
    }
  }
}
