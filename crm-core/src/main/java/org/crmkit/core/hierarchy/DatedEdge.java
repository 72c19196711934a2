package org.crmkit.core.hierarchy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One dated membership of a node in a {@link DatedHierarchy}: the node sits under {@code parent}
 * (or is a root) from {@code validFrom} (inclusive) until {@code validTo} (exclusive). An absent
 * {@code validFrom} means "since ever", an absent {@code validTo} "until further notice".
 * Immutable value; thread-safe.
 *
 * @param <K> the node type
 */
public final class DatedEdge<K> {
  private final K node;
  private final @Nullable K parent;
  private final @Nullable String level;
  private final @Nullable LocalDate validFrom;
  private final @Nullable LocalDate validTo;

  private DatedEdge(K node, @Nullable K parent, @Nullable String level,
      @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
    this.node = node;
    this.parent = parent;
    this.level = level;
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  /**
   * An edge; {@code parent} null for a root, {@code level} null for none, {@code validFrom} /
   * {@code validTo} null for an open end. The interval is checked by {@link
   * DatedHierarchy.Builder#build()}, which reports every empty interval at once.
   *
   * @throws org.crmkit.core.CrmException if {@code node} is null or {@code level} is blank
   */
  public static <K> DatedEdge<K> of(K node, @Nullable K parent, @Nullable String level,
      @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
    Checks.present("node", node);
    if (level != null) {
      Checks.nonBlank("level", level);
    }
    return new DatedEdge<>(node, parent, level, validFrom, validTo);
  }

  /** The node. */
  public K node() {
    return node;
  }

  /** Its parent while this edge holds; empty for a root. */
  public Optional<K> parent() {
    return Optional.ofNullable(parent);
  }

  /** Its level while this edge holds, if any. */
  public Optional<String> level() {
    return Optional.ofNullable(level);
  }

  /** The first day the edge holds; empty for "since ever". */
  public Optional<LocalDate> validFrom() {
    return Optional.ofNullable(validFrom);
  }

  /** The first day the edge no longer holds (exclusive end); empty for "until further notice". */
  public Optional<LocalDate> validTo() {
    return Optional.ofNullable(validTo);
  }

  /**
   * Whether the edge holds on {@code day}: {@code validFrom <= day < validTo}.
   *
   * @throws org.crmkit.core.CrmException if {@code day} is null
   */
  public boolean isValidOn(LocalDate day) {
    Checks.present("day", day);
    return (validFrom == null || !day.isBefore(validFrom))
        && (validTo == null || day.isBefore(validTo));
  }

  @Nullable K parentOrNull() {
    return parent;
  }

  @Nullable String levelOrNull() {
    return level;
  }

  @Nullable LocalDate fromOrNull() {
    return validFrom;
  }

  @Nullable LocalDate toOrNull() {
    return validTo;
  }

  /** The interval as text, e.g. {@code [2024-01-01, 2025-01-01)} or {@code [-∞, +∞)}. */
  String interval() {
    return "[" + (validFrom == null ? "-∞" : validFrom) + ", "
        + (validTo == null ? "+∞" : validTo) + ")";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof DatedEdge)) {
      return false;
    }
    DatedEdge<?> e = (DatedEdge<?>) o;
    return node.equals(e.node) && Objects.equals(parent, e.parent)
        && Objects.equals(level, e.level) && Objects.equals(validFrom, e.validFrom)
        && Objects.equals(validTo, e.validTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(node, parent, level, validFrom, validTo);
  }

  /** For example {@code berlin → germany [2024-01-01, +∞)}. */
  @Override
  public String toString() {
    return node + " → " + (parent == null ? "(root)" : parent)
        + (level == null ? "" : " (" + level + ")") + " " + interval();
  }
}
