#!/bin/bash
# Run once in the primary (the official image runs it on first initialisation,
# from /docker-entrypoint-initdb.d): let the replica connect for replication,
# and keep the WAL it still needs in a physical replication slot.
set -euo pipefail
echo "host replication ${POSTGRES_USER:-odoo} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-odoo}" --dbname postgres <<'SQL'
SELECT pg_create_physical_replication_slot('odoo_replica')
 WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'odoo_replica');
SELECT pg_reload_conf();
SQL
