package org.crmkit.example.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** crm-jdbc's audit log {@code crmkit_lifecycle_transition} as a JPA entity (insert-only). */
@Entity
@Table(name = "crmkit_lifecycle_transition")
@IdClass(TransitionRow.Key.class)
public class TransitionRow {
  /** The composite key. */
  public record Key(String subjectId, String machine, long version) implements Serializable {
    /** For JPA. */
    public Key() {
      this("", "", 0);
    }
  }

  @Id
  @Column(name = "subject_id")
  String subjectId;

  @Id
  @Column(name = "machine")
  String machine;

  @Id
  @Column(name = "version")
  long version;

  @Column(name = "from_state", nullable = false)
  String fromState;

  @Column(name = "to_state", nullable = false)
  String toState;

  @Column(name = "event", nullable = false)
  String event;

  @Column(name = "occurred_at", nullable = false)
  OffsetDateTime occurredAt;

  @Column(name = "actor", nullable = false)
  String actor;
}
