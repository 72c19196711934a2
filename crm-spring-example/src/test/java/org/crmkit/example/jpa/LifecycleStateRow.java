package org.crmkit.example.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * crm-jdbc's {@code crmkit_lifecycle_state} as a JPA entity. The lifecycle version is a plain
 * column, NOT a JPA {@code @Version}: it must rise by exactly one per transition, while a JPA
 * version rises on every flush that touches the row.
 */
@Entity
@Table(name = "crmkit_lifecycle_state")
@IdClass(LifecycleStateRow.Key.class)
public class LifecycleStateRow {
  /** The composite key. */
  public record Key(String subjectId, String machine) implements Serializable {
    /** For JPA. */
    public Key() {
      this("", "");
    }
  }

  @Id
  @Column(name = "subject_id")
  String subjectId;

  @Id
  @Column(name = "machine")
  String machine;

  @Column(name = "state", nullable = false)
  String state;

  /** The lifecycle version: one per transition, written only with a compare-and-set. */
  @Column(name = "version", nullable = false)
  long lifecycleVersion;

  @Column(name = "updated_at", nullable = false)
  OffsetDateTime updatedAt;
}
