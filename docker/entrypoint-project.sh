#!/bin/bash
# Entrypoint of the project's image. It replaces the official image's
# /entrypoint.sh, which it does not call: that script passes the database
# settings to Odoo as --db_host/--db_user/--db_password arguments, which any
# user of the host can read with `ps`, and to wait-for-psql.py unquoted, so
# that a password with a space or a `*` is split and the container
# restart-loops.
#
# Here nothing secret goes on a command line. The wrapper writes a copy of
# $ODOO_RC (mode 0600, in a private directory under /tmp) that holds the
# connection (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD or DB_PASSWORD_FILE) and
# the one database served (ODOO_DB: db_name, so the cron worker runs its jobs
# only, and dbfilter), points ODOO_RC at it, removes the secrets from the
# environment, waits for PostgreSQL and runs:
#
#   odoo [ARGS] | -- [ARGS] | -[ARGS]   the server (refused while ODOO_DB is not
#                                       initialised: see `init`), or an odoo
#                                       subcommand (`odoo shell`, ...)
#   init [--with-demo]                  create ODOO_DB with the four addons and
#                                       Chinese, set the admin password
#                                       (INIT_ADMIN_PASSWORD[_FILE]) and the
#                                       company name (ODOO_COMPANY_NAME); all or
#                                       nothing, refused if ODOO_DB exists
#   upgrade [MODULES]                   backup, then `odoo -u MODULES` (default:
#                                       the four addons)
#   backup                              database dump and filestore into
#                                       $BACKUP_DIR/<ODOO_DB>-<UTC time>/
#   restore [--replace] NAME            restore $BACKUP_DIR/NAME (with
#                                       --replace: back up and drop the
#                                       existing database first)
#   neutralize                          `odoo neutralize` (for a test copy)
#
# Any other command runs as it is (`bash`, `tar ...`), without the above.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
helper="$here/odoo_docker.py"
MODULES=community_grid,community_party,community_mediation,community_volunteer
ODOO_DB="${ODOO_DB:-community}"
DATA_DIR="${ODOO_DATA_DIR:-/var/lib/odoo}"
BACKUP_DIR="${BACKUP_DIR:-/var/lib/odoo-backups}"

say() { printf 'entrypoint: %s\n' "$*" >&2; }
die() {
    say "$*"
    exit 1
}

# The value of $1, or the content of the file named by ${1}_FILE.
secret() {
    local file_var="${1}_FILE"
    if [ -n "${!file_var:-}" ]; then
        cat -- "${!file_var}"
    else
        printf '%s' "${!1:-}"
    fi
}

prepare() {
    local src="${ODOO_RC:-/etc/odoo/odoo.conf}"
    # kept in shell variables (not exported): for pg_dump/pg_restore and init
    db_host="${DB_HOST:-db}"
    db_port="${DB_PORT:-5432}"
    db_user="${DB_USER:-odoo}"
    db_password="$(secret DB_PASSWORD)"
    admin_password="$(secret INIT_ADMIN_PASSWORD)"
    company_name="${ODOO_COMPANY_NAME:-}"
    conf_dir="$(mktemp -d "${TMPDIR:-/tmp}/odoo-conf.XXXXXX")"
    # removed when a command other than the server (which execs) ends
    trap 'rm -rf -- "$conf_dir"' EXIT
    export ODOO_DB
    python3 "$helper" write-config "$src" "$conf_dir/odoo.conf"
    export ODOO_RC="$conf_dir/odoo.conf"
    unset DB_PASSWORD DB_PASSWORD_FILE INIT_ADMIN_PASSWORD INIT_ADMIN_PASSWORD_FILE \
        PASSWORD POSTGRES_PASSWORD PGPASSWORD
    python3 "$helper" wait --timeout "${DB_WAIT_TIMEOUT:-30}"
}

db_state() { python3 "$helper" state; }

require_ready() {
    local state
    state="$(db_state)"
    if [ "$state" != ready ]; then
        die "database '$ODOO_DB' is $state: create it first with \`init\` (or \`restore\`), see docker/README.md"
    fi
}

# pg_dump, pg_restore, dropdb with the connection in their environment only
pg() { PGHOST="$db_host" PGPORT="$db_port" PGUSER="$db_user" PGPASSWORD="$db_password" "$@"; }

drop_database() {
    pg dropdb --force --if-exists "$ODOO_DB"
    rm -rf -- "${DATA_DIR:?}/filestore/$ODOO_DB"
}

cmd_init() {
    local demo=(--without-demo=all)
    if [ "${1:-}" = --with-demo ]; then
        demo=()
        shift
    fi
    [ $# -eq 0 ] || die "usage: init [--with-demo]"
    [ -n "$admin_password" ] || die "set INIT_ADMIN_PASSWORD (the password of the user admin) for init"
    [ "$admin_password" != admin ] || die "INIT_ADMIN_PASSWORD must not be 'admin'"
    [ "${#admin_password}" -ge 10 ] || die "INIT_ADMIN_PASSWORD must have at least 10 characters"
    [ -n "$company_name" ] || die "set ODOO_COMPANY_NAME (the street office, e.g. 桂城街道办事处) for init"
    local state
    state="$(db_state)"
    [ "$state" = missing ] || die "database '$ODOO_DB' already exists ($state); init creates a new one only"
    say "creating '$ODOO_DB' with $MODULES"
    if odoo -d "$ODOO_DB" -i "$MODULES" --load-language=zh_CN "${demo[@]}" \
        --stop-after-init --no-http \
        && INIT_ADMIN_PASSWORD="$admin_password" ODOO_COMPANY_NAME="$company_name" \
            odoo shell -d "$ODOO_DB" --no-http < "$here/init_admin.py"; then
        say "database '$ODOO_DB' is ready; start the server with \`up -d\`"
    else
        # never leave a database that answers to admin/admin
        say "init failed: dropping the incomplete database '$ODOO_DB'"
        drop_database
        exit 1
    fi
}

cmd_backup() {
    [ $# -eq 0 ] || die "usage: backup"
    backup
}

backup() {
    require_ready
    local name dir
    name="$ODOO_DB-$(date -u +%Y%m%dT%H%M%SZ)"
    dir="$BACKUP_DIR/$name"
    mkdir -p "$DATA_DIR/filestore/$ODOO_DB"
    (
        umask 077
        mkdir "$dir.partial"
        pg pg_dump --format=custom --file="$dir.partial/db.dump" "$ODOO_DB"
        tar -C "$DATA_DIR/filestore" -czf "$dir.partial/filestore.tar.gz" "$ODOO_DB"
    )
    mv "$dir.partial" "$dir"
    say "backup $name written to $dir"
}

cmd_upgrade() {
    [ $# -le 1 ] || die "usage: upgrade [MODULES]"
    local modules="${1:-$MODULES}"
    require_ready
    backup
    say "upgrading $modules in '$ODOO_DB'"
    odoo -d "$ODOO_DB" -u "$modules" --stop-after-init --no-http
}

cmd_restore() {
    local replace=0
    if [ "${1:-}" = --replace ]; then
        replace=1
        shift
    fi
    [ $# -eq 1 ] || die "usage: restore [--replace] NAME (a folder of $BACKUP_DIR)"
    local name="$1" dir dump_db state
    case "$name" in */* | .* | "") die "NAME is a folder name of $BACKUP_DIR" ;; esac
    dir="$BACKUP_DIR/$name"
    if [ ! -f "$dir/db.dump" ] || [ ! -f "$dir/filestore.tar.gz" ]; then
        die "no backup $dir (db.dump and filestore.tar.gz)"
    fi
    dump_db="$(pg_restore --list "$dir/db.dump" | sed -n 's/^;[[:space:]]*dbname: //p')"
    [ "$dump_db" = "$ODOO_DB" ] || die "$name is a dump of '$dump_db', not of ODOO_DB '$ODOO_DB'"
    state="$(db_state)"
    if [ "$state" != missing ]; then
        [ "$replace" -eq 1 ] || die "database '$ODOO_DB' exists; \`restore --replace $name\` backs it up and drops it first"
        if [ "$state" = ready ]; then
            backup
        fi
        say "dropping '$ODOO_DB'"
        drop_database
    fi
    # --create: the database is created as the dump records it (template0,
    # the original encoding and LC_COLLATE 'C', as Odoo creates it), under
    # its own name, connected to the maintenance database postgres.
    say "restoring '$ODOO_DB' from $name"
    pg pg_restore --create --no-owner --exit-on-error --dbname=postgres "$dir/db.dump"
    mkdir -p "$DATA_DIR/filestore"
    tar -C "$DATA_DIR/filestore" -xzf "$dir/filestore.tar.gz"
    say "restored '$ODOO_DB'; a copy for tests: run \`neutralize\` before \`up\`"
}

cmd_neutralize() {
    [ $# -eq 0 ] || die "usage: neutralize"
    require_ready
    odoo neutralize -d "$ODOO_DB"
}

run_odoo() {
    # `odoo` with no argument or with options only is the server
    if [ $# -eq 0 ] || [[ $1 == -* ]]; then
        require_ready
    fi
    unset admin_password company_name db_password
    exec odoo "$@"
}

command="${1:-odoo}"
[ $# -eq 0 ] || shift
case "$command" in
    init | upgrade | backup | restore | neutralize)
        prepare
        "cmd_$command" "$@"
        ;;
    odoo | --)
        prepare
        run_odoo "$@"
        ;;
    -*)
        prepare
        run_odoo "$command" "$@"
        ;;
    *)
        exec "$command" "$@"
        ;;
esac
