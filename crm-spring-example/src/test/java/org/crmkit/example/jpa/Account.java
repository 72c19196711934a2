package org.crmkit.example.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The application's own entity, with its own JPA optimistic-lock column. */
@Entity
@Table(name = "app_account")
public class Account {
  @Id
  String id;

  String name;

  /** JPA's optimistic lock, kept apart from crmkit's lifecycle version. */
  @Version
  @Column(name = "row_version")
  long rowVersion;
}
