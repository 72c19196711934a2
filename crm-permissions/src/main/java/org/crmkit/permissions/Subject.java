package org.crmkit.permissions;

import java.util.Set;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;

/** A user compiled against a policy: every index the hot path needs. Immutable, package-private. */
final class Subject {
  final User user;
  final UserId id;
  final boolean active;
  /** Management-hierarchy preorder interval [mgmtPos, mgmtEnd); -1 when not in the directory. */
  final int mgmtPos;
  final int mgmtEnd;
  /** Org-unit preorder interval of the user's unit; -1 when the unit is unknown. */
  final int orgPos;
  final int orgEnd;
  /** Territory intervals as pairs [start, end). */
  final int[] territoryIntervals;
  final Set<TeamId> teams;
  /** Sorted team indexes (teams known to the directory). */
  final int[] teamIdx;
  /** Per slot (type * ACTIONS + action): bit mask of granted scopes. */
  final int[] scopes;
  /** Per type index: whether the type's module is enabled. */
  final boolean[] typeEnabled;
  /** Membership bits over the policy's rule groups. */
  final long[] groupBits;
  /** Per slot: applicable rules, or null. */
  final int[][] ownerSources;
  final PolicyDefinitions.SharingRule[][] criteriaRules;
  final PolicyDefinitions.Deny[][] denies;
  final int privileges;

  Subject(User user, boolean active, int mgmtPos, int mgmtEnd, int orgPos, int orgEnd,
      int[] territoryIntervals, int[] teamIdx, int[] scopes, boolean[] typeEnabled,
      long[] groupBits, int[][] ownerSources, PolicyDefinitions.SharingRule[][] criteriaRules,
      PolicyDefinitions.Deny[][] denies, int privileges) {
    this.user = user;
    this.id = user.id();
    this.active = active;
    this.mgmtPos = mgmtPos;
    this.mgmtEnd = mgmtEnd;
    this.orgPos = orgPos;
    this.orgEnd = orgEnd;
    this.territoryIntervals = territoryIntervals;
    this.teams = user.teams();
    this.teamIdx = teamIdx;
    this.scopes = scopes;
    this.typeEnabled = typeEnabled;
    this.groupBits = groupBits;
    this.ownerSources = ownerSources;
    this.criteriaRules = criteriaRules;
    this.denies = denies;
    this.privileges = privileges;
  }

  boolean inGroup(int g) {
    return (groupBits[g >>> 6] & (1L << g)) != 0;
  }

  boolean sharesTeamWith(Subject other) {
    int[] a = teamIdx;
    int[] b = other.teamIdx;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        return true;
      }
      if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }
}
