package org.crmkit.core.hierarchy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.internal.Checks;

/**
 * The levels a hierarchy may have and which level may sit under which, e.g. global → region →
 * country → city: a city's parent must be a country. Immutable and thread-safe.
 *
 * <pre>{@code
 * LevelSchema geo = LevelSchema.builder()
 *     .root("global").level("region", "global").level("country", "region")
 *     .level("city", "country").build();
 * }</pre>
 */
public final class LevelSchema {
  private final Set<String> rootLevels;
  private final Map<String, Set<String>> allowedParents;

  private LevelSchema(Set<String> rootLevels, Map<String, Set<String>> allowedParents) {
    this.rootLevels = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(rootLevels));
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    allowedParents.forEach(
        (k, v) -> copy.put(k, java.util.Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    this.allowedParents = java.util.Collections.unmodifiableMap(copy);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The standard territory schema: {@code global → region → country → city}. */
  public static LevelSchema territories() {
    return builder()
        .root("global")
        .level("region", "global")
        .level("country", "region")
        .level("city", "country")
        .build();
  }

  /** All declared level names, in declaration order; unmodifiable. */
  public Set<String> levels() {
    return allowedParents.keySet();
  }

  /** Whether a node of {@code level} may be a root. */
  public boolean allowsRoot(String level) {
    return rootLevels.contains(level);
  }

  /** Whether a node of {@code level} may have a parent of {@code parentLevel}. */
  public boolean allowsParent(String level, String parentLevel) {
    Set<String> parents = allowedParents.get(level);
    return parents != null && parents.contains(parentLevel);
  }

  /** The levels a node of {@code level} may have as parent; empty for an unknown level. */
  public Set<String> allowedParents(String level) {
    return allowedParents.getOrDefault(level, Set.of());
  }

  /** Root levels, in declaration order; unmodifiable. */
  public Set<String> rootLevels() {
    return rootLevels;
  }

  /**
   * Two schemas are equal when they have the same root levels and the same allowed parents for
   * every level (declaration order does not matter).
   */
  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof LevelSchema
        && rootLevels.equals(((LevelSchema) o).rootLevels)
        && allowedParents.equals(((LevelSchema) o).allowedParents);
  }

  @Override
  public int hashCode() {
    return rootLevels.hashCode() * 31 + allowedParents.hashCode();
  }

  @Override
  public String toString() {
    return "LevelSchema{roots=" + rootLevels + ", parents=" + allowedParents + "}";
  }

  /** Collects levels; {@link #build()} validates them all at once. Not thread-safe. */
  public static final class Builder {
    private final Set<String> roots = new LinkedHashSet<>();
    private final Map<String, Set<String>> parents = new LinkedHashMap<>();
    private final List<String[]> declared = new ArrayList<>();

    private Builder() {}

    /** Declares a level whose nodes may be roots. */
    public Builder root(String level) {
      Checks.nonBlank("level", level);
      roots.add(level);
      parents.computeIfAbsent(level, k -> new LinkedHashSet<>());
      return this;
    }

    /** Declares a level whose nodes must have a parent of one of {@code parentLevels}. */
    public Builder level(String level, String... parentLevels) {
      Checks.nonBlank("level", level);
      if (parentLevels.length == 0) {
        throw new CrmException(
            "level '" + level + "' needs at least one parent level; use root() for a root level");
      }
      Set<String> set = parents.computeIfAbsent(level, k -> new LinkedHashSet<>());
      for (String p : parentLevels) {
        Checks.nonBlank("parent level of '" + level + "'", p);
        set.add(p);
        declared.add(new String[] {level, p});
      }
      return this;
    }

    /**
     * Validates and returns the schema.
     *
     * @throws InvalidDefinitionException listing every parent level that is not declared, and a
     *     schema with no root level
     */
    public LevelSchema build() {
      List<Problem> problems = new ArrayList<>();
      if (roots.isEmpty()) {
        problems.add(new Problem("levels", "no root level; declare one with root(level)"));
      }
      for (String[] d : declared) {
        if (!parents.containsKey(d[1])) {
          problems.add(
              Problem.of(
                  "levels." + d[0],
                  "unknown parent level '%s'; known: %s",
                  d[1],
                  parents.keySet()));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidDefinitionException("level schema", problems);
      }
      return new LevelSchema(roots, parents);
    }
  }
}
