-- crmkit schema, version 1 (PostgreSQL). Flyway-compatible name; crm-jdbc's Migrations applies it too.
CREATE TABLE crmkit_lifecycle_state (
  subject_id VARCHAR(128) NOT NULL,
  machine VARCHAR(128) NOT NULL,
  state VARCHAR(128) NOT NULL,
  version BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (subject_id, machine)
);
CREATE TABLE crmkit_lifecycle_transition (
  subject_id VARCHAR(128) NOT NULL,
  machine VARCHAR(128) NOT NULL,
  version BIGINT NOT NULL,
  from_state VARCHAR(128) NOT NULL,
  to_state VARCHAR(128) NOT NULL,
  event VARCHAR(128) NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor VARCHAR(128) NOT NULL,
  PRIMARY KEY (subject_id, machine, version)
);
CREATE TABLE crmkit_assignment_state (
  name VARCHAR(128) NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  document TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE crmkit_model (
  kind VARCHAR(32) NOT NULL,
  name VARCHAR(128) NOT NULL,
  revision BIGINT NOT NULL,
  format VARCHAR(64) NOT NULL,
  document TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (kind, name, revision)
);
CREATE TABLE crmkit_rfm_score (
  run_id VARCHAR(128) NOT NULL,
  customer_id VARCHAR(128) NOT NULL,
  recency_days INTEGER NOT NULL,
  frequency INTEGER NOT NULL,
  monetary DOUBLE PRECISION NOT NULL,
  r SMALLINT NOT NULL,
  f SMALLINT NOT NULL,
  m SMALLINT NOT NULL,
  PRIMARY KEY (run_id, customer_id)
);
