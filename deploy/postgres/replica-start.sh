#!/bin/sh
# Starts a hot standby of the primary: on the first start, a base backup with pg_basebackup -R
# (which writes the standby's connection settings); then PostgreSQL replays the primary's WAL.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup -h "${PRIMARY_HOST:-postgres}" -U replicator -D "$PGDATA" -R -X stream; do
    echo "waiting for the primary"; sleep 2
  done
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
