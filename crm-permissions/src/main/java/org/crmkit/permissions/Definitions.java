package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The mutable definitions a builder collects; copied at build(). Package-private. */
final class Definitions {
  @Nullable Organisation org;
  final Set<ObjectType> extraTypes = new LinkedHashSet<>();
  final List<Defs.ModuleDef> modules = new ArrayList<>();
  final List<Defs.RoleDef> roles = new ArrayList<>();
  final List<Defs.PrivilegeDef> privileges = new ArrayList<>();
  final List<Defs.GrantDef> grants = new ArrayList<>();
  final List<Defs.FieldDef> fields = new ArrayList<>();
  final List<Defs.AllocationDef> allocations = new ArrayList<>();
  final Set<ObjectType> hierarchyTypes = new LinkedHashSet<>();
  final List<Defs.RecordTeamDef> recordTeams = new ArrayList<>();
  final List<Defs.SharingRuleDef> sharing = new ArrayList<>();
  final List<Defs.DenyDef> denies = new ArrayList<>();
  final List<Defs.ManualShareDef> manualShares = new ArrayList<>();

  Definitions copy() {
    Definitions c = new Definitions();
    c.org = org;
    c.extraTypes.addAll(extraTypes);
    c.modules.addAll(modules);
    c.roles.addAll(roles);
    c.privileges.addAll(privileges);
    c.grants.addAll(grants);
    c.fields.addAll(fields);
    c.allocations.addAll(allocations);
    c.hierarchyTypes.addAll(hierarchyTypes);
    c.recordTeams.addAll(recordTeams);
    c.sharing.addAll(sharing);
    c.denies.addAll(denies);
    c.manualShares.addAll(manualShares);
    return c;
  }
}
