package org.crmkit.json;

import java.util.stream.Stream;
import org.crmkit.permissions.Group;
import org.jspecify.annotations.Nullable;

/**
 * The one reader and writer of groups: an object with exactly one of {@code user}, {@code role},
 * {@code roleAndBelow}, {@code team}, {@code orgUnit}, {@code orgUnitAndBelow} (an id) or {@code
 * everyone} ({@code true}).
 */
final class Groups {
  static final Shape GROUP = new Shape("group",
      Stream.of(Group.Kind.values()).map(k -> k.label() + "?").toArray(String[]::new));

  private Groups() {}

  /** The group in field {@code f}; null (and a problem) if missing or malformed. */
  static @Nullable Group read(In parent, String f) {
    In g = parent.object(f, GROUP);
    if (g == null) {
      return null;
    }
    if (g.node.size() != 1) {
      g.problems.add(g.path, "expected exactly one of %s, but found %d", GROUP.names(),
          g.node.size());
      return null;
    }
    for (Group.Kind k : Group.Kind.values()) {
      String kf = k.label();
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
    String key = g.node.fieldNames().next();
    if (GROUP.names().contains(key)) {
      g.problems.add(g.path.field(key), "expected %s, but found null",
          key.equals("everyone") ? "true" : "a non-blank string");
    }
    return null;
  }

  /** Writes {@code group} as the object field {@code f}. */
  static void write(Out parent, String f, Group group) {
    parent.object(f).put(group.kind().label(),
        group.kind() == Group.Kind.EVERYONE ? Boolean.TRUE : group.id());
  }
}
