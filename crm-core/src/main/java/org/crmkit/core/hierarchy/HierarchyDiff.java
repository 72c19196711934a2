package org.crmkit.core.hierarchy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two snapshots of a hierarchy: the nodes added, the nodes removed, the
 * nodes that now have another parent, and the nodes whose level changed. Obtained from {@link
 * Hierarchy#diff(Hierarchy, Hierarchy)}. Immutable and thread-safe.
 *
 * <p>A node counts as moved only if its own parent changed (becoming or ceasing to be a root
 * included); its descendants, which moved along with it, are not listed. A change of child order
 * alone is not reported: siblings' order is declaration order, not data.
 *
 * @param <K> the node type
 */
public final class HierarchyDiff<K> {
  private final List<K> added;
  private final List<K> removed;
  private final List<Move<K>> moved;
  private final List<LevelChange<K>> relevelled;

  private HierarchyDiff(
      List<K> added, List<K> removed, List<Move<K>> moved, List<LevelChange<K>> relevelled) {
    this.added = List.copyOf(added);
    this.removed = List.copyOf(removed);
    this.moved = List.copyOf(moved);
    this.relevelled = List.copyOf(relevelled);
  }

  static <K> HierarchyDiff<K> between(Hierarchy<K> before, Hierarchy<K> after) {
    List<K> added = new ArrayList<>();
    List<Move<K>> moved = new ArrayList<>();
    List<LevelChange<K>> relevelled = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      K node = after.nodeAt(i);
      int old = before.indexOf(node);
      if (old < 0) {
        added.add(node);
        continue;
      }
      K was = before.parentOrNull(old);
      K now = after.parentOrNull(i);
      if (!Objects.equals(was, now)) {
        moved.add(new Move<>(node, was, now));
      }
      String levelWas = before.levelAt(old);
      String levelNow = after.levelAt(i);
      if (!Objects.equals(levelWas, levelNow)) {
        relevelled.add(new LevelChange<>(node, levelWas, levelNow));
      }
    }
    List<K> removed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      K node = before.nodeAt(i);
      if (!after.contains(node)) {
        removed.add(node);
      }
    }
    return new HierarchyDiff<>(added, removed, moved, relevelled);
  }

  /** The nodes in the second snapshot but not in the first, in the second's preorder. */
  public List<K> added() {
    return added;
  }

  /** The nodes in the first snapshot but not in the second, in the first's preorder. */
  public List<K> removed() {
    return removed;
  }

  /** The nodes in both snapshots whose parent differs, in the second snapshot's preorder. */
  public List<Move<K>> moved() {
    return moved;
  }

  /**
   * The nodes in both snapshots whose level differs (gaining or losing a level included), in the
   * second snapshot's preorder.
   */
  public List<LevelChange<K>> relevelled() {
    return relevelled;
  }

  /** Whether nothing was added, removed, moved or relevelled. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && moved.isEmpty() && relevelled.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof HierarchyDiff
        && added.equals(((HierarchyDiff<?>) o).added)
        && removed.equals(((HierarchyDiff<?>) o).removed)
        && moved.equals(((HierarchyDiff<?>) o).moved)
        && relevelled.equals(((HierarchyDiff<?>) o).relevelled);
  }

  @Override
  public int hashCode() {
    return Objects.hash(added, removed, moved, relevelled);
  }

  /**
   * For example {@code HierarchyDiff{added=[x], removed=[], moved=[b: a → c], relevelled=[e:
   * region → area]}}.
   */
  @Override
  public String toString() {
    return "HierarchyDiff{added=" + added + ", removed=" + removed + ", moved=" + moved
        + ", relevelled=" + relevelled + "}";
  }

  /**
   * One node that changed parent between two snapshots. Immutable value.
   *
   * @param <K> the node type
   */
  public static final class Move<K> {
    private final K node;
    private final @Nullable K oldParent;
    private final @Nullable K newParent;

    Move(K node, @Nullable K oldParent, @Nullable K newParent) {
      this.node = node;
      this.oldParent = oldParent;
      this.newParent = newParent;
    }

    /**
     * A move, for comparing with {@link HierarchyDiff#moved()}; a null parent means a root.
     *
     * @throws org.crmkit.core.CrmException if {@code node} is null
     */
    public static <K> Move<K> of(K node, @Nullable K oldParent, @Nullable K newParent) {
      return new Move<>(org.crmkit.core.internal.Checks.present("node", node), oldParent,
          newParent);
    }

    /** The node that moved (with its subtree). */
    public K node() {
      return node;
    }

    /** Its parent in the first snapshot; empty if it was a root. */
    public Optional<K> oldParent() {
      return Optional.ofNullable(oldParent);
    }

    /** Its parent in the second snapshot; empty if it is now a root. */
    public Optional<K> newParent() {
      return Optional.ofNullable(newParent);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (!(o instanceof Move)) {
        return false;
      }
      Move<?> m = (Move<?>) o;
      return node.equals(m.node) && Objects.equals(oldParent, m.oldParent)
          && Objects.equals(newParent, m.newParent);
    }

    @Override
    public int hashCode() {
      return Objects.hash(node, oldParent, newParent);
    }

    /** For example {@code berlin: germany → france}; a root shows as {@code (root)}. */
    @Override
    public String toString() {
      return node + ": " + (oldParent == null ? "(root)" : oldParent) + " → "
          + (newParent == null ? "(root)" : newParent);
    }
  }

  /**
   * One node whose level differs between two snapshots. Immutable value.
   *
   * @param <K> the node type
   */
  public static final class LevelChange<K> {
    private final K node;
    private final @Nullable String oldLevel;
    private final @Nullable String newLevel;

    LevelChange(K node, @Nullable String oldLevel, @Nullable String newLevel) {
      this.node = node;
      this.oldLevel = oldLevel;
      this.newLevel = newLevel;
    }

    /**
     * A level change, for comparing with {@link HierarchyDiff#relevelled()}; a null level means
     * none.
     *
     * @throws org.crmkit.core.CrmException if {@code node} is null
     */
    public static <K> LevelChange<K> of(
        K node, @Nullable String oldLevel, @Nullable String newLevel) {
      return new LevelChange<>(org.crmkit.core.internal.Checks.present("node", node), oldLevel,
          newLevel);
    }

    /** The node whose level changed. */
    public K node() {
      return node;
    }

    /** Its level in the first snapshot; empty if it had none. */
    public Optional<String> oldLevel() {
      return Optional.ofNullable(oldLevel);
    }

    /** Its level in the second snapshot; empty if it has none. */
    public Optional<String> newLevel() {
      return Optional.ofNullable(newLevel);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (!(o instanceof LevelChange)) {
        return false;
      }
      LevelChange<?> c = (LevelChange<?>) o;
      return node.equals(c.node) && Objects.equals(oldLevel, c.oldLevel)
          && Objects.equals(newLevel, c.newLevel);
    }

    @Override
    public int hashCode() {
      return Objects.hash(node, oldLevel, newLevel);
    }

    /** For example {@code emea: region → area}; a missing level shows as {@code (none)}. */
    @Override
    public String toString() {
      return node + ": " + (oldLevel == null ? "(none)" : oldLevel) + " → "
          + (newLevel == null ? "(none)" : newLevel);
    }
  }
}
