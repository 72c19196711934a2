#!/usr/bin/env bash
# Installs (if needed) and starts a throw-away PostgreSQL server on 127.0.0.1:55432 for the
# adapter's integration tests; prints the JDBC URL. Usage: source .ci/postgres.sh; stop with
# crmkit_pg_stop. Needs root (apt-get, and running the server as the 'postgres' user).
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing PostgreSQL (Debian package)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
# the first free port from 55432 on (a leftover server must not break the run)
PG_PORT=${CRMKIT_PG_PORT:-}
if [ -z "$PG_PORT" ]; then
  for p in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PG_PORT=$p; break; fi
  done
fi
PG_DATA=$(mktemp -d /tmp/crmkit-pg.XXXXXX)
chown postgres:postgres "$PG_DATA"
su postgres -s /bin/sh -c "$PG_BIN/initdb -D $PG_DATA -A trust -U crmkit -E UTF8 >/dev/null"
su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DATA -l $PG_DATA/server.log -w -o '-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off' start >/dev/null"
crmkit_pg_stop() {
  su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DATA -m fast -w stop >/dev/null" || true
  rm -rf "$PG_DATA"
}
export CRMKIT_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=crmkit"
echo "PostgreSQL $($PG_BIN/postgres --version | awk '{print $3}') running: $CRMKIT_TEST_POSTGRES_URL" >&2
