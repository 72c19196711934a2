package org.crmkit.permissions;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The definitions a builder collects, as declared; package-private. */
final class Defs {
  private Defs() {}

  record RoleDef(String id, @Nullable String parent, Set<AdminPrivilege> privileges) {}

  record PrivilegeDef(String role, Set<AdminPrivilege> privileges) {}

  record GrantDef(String role, ObjectType type, Scope scope, Set<Action> actions) {}

  record ModuleDef(Module module, List<ObjectType> types) {}

  /** Exactly one of role and orgUnit is set. */
  record AllocationDef(@Nullable String role, @Nullable String orgUnit, List<Module> modules) {}

  record RecordTeamDef(ObjectType type, Set<Action> actions) {}

  /** An owner-based rule when {@code ownedBy} is set, otherwise criteria-based. */
  record SharingRuleDef(
      String id, @Nullable Group ownedBy, List<Condition> when, Group sharedWith,
      Set<ObjectType> types, Set<Action> actions) {
    boolean appliesTo(ObjectType t, Action a) {
      return (types.isEmpty() || types.contains(t)) && actions.contains(a);
    }
  }

  record DenyDef(
      String id, Group who, Set<ObjectType> types, Set<Action> actions, List<Condition> when) {
    boolean appliesTo(ObjectType t, Action a) {
      return (types.isEmpty() || types.contains(t)) && (actions.isEmpty() || actions.contains(a));
    }
  }

  record FieldDef(String role, ObjectType type, String field, FieldAccess access) {}

  record ManualShareDef(ObjectType type, String recordId, Group with, Set<Action> actions) {}

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
