package org.crmkit.permissions;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Helpers for the definitions ({@link PolicyDefinitions}) a builder collects; package-private. */
final class Defs {
  private Defs() {}

  static Set<Action> actions(Action... actions) {
    return actions.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(actions[0], actions));
  }

  static boolean all(List<Condition> when, AccessRecord r) {
    for (Condition c : when) {
      if (!c.test(r)) {
        return false;
      }
    }
    return true;
  }
}
