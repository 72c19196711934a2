package org.crmkit.core.internal;

import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** "Did you mean" suggestions for unknown names (crmkit-internal). */
public final class Names {
  private Names() {}

  /**
   * The known name nearest to {@code name} (case-insensitive edit distance at most 2, or equal
   * ignoring case), or null.
   */
  public static @Nullable String nearest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = 3;
    String lower = name.toLowerCase(Locale.ROOT);
    for (String k : known) {
      int d = distance(lower, k.toLowerCase(Locale.ROOT), bestDistance);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance, or {@code limit} when it is at least {@code limit}. */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit || a.length() > 200 || b.length() > 200) {
      return limit;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], limit);
  }
}
