#!/bin/bash
# Entrypoint of the replica service: on the first start (empty data
# directory), copy the primary with pg_basebackup -R (which writes
# standby.signal and primary_conninfo), then start PostgreSQL through the
# official entrypoint as a hot standby.
set -euo pipefail
: "${PGDATA:=/var/lib/postgresql/data}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    until gosu postgres pg_isready -h "$PRIMARY_HOST" -U "$POSTGRES_USER" -d postgres; do
        sleep 2
    done
    gosu postgres env PGPASSWORD="$PGPASSWORD" pg_basebackup \
        -h "$PRIMARY_HOST" -U "$POSTGRES_USER" -D "$PGDATA" \
        -R -X stream -S "$REPLICATION_SLOT" -c fast --progress
fi
exec docker-entrypoint.sh "$@"
