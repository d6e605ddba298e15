#!/bin/bash
# Entrypoint of the project's image: puts the master password (admin_passwd)
# into the Odoo configuration from the environment, then hands over to the
# official image's /entrypoint.sh, unchanged (it adds the database
# host/port/user/password and waits for PostgreSQL).
#
# Odoo reads admin_passwd from its configuration file only. When
# ODOO_ADMIN_PASSWD (or ODOO_ADMIN_PASSWD_FILE, e.g. a Docker secret) is set,
# this script writes a copy of $ODOO_RC (default /etc/odoo/odoo.conf, which
# may be a read-only mount) with admin_passwd replaced to /tmp/odoo.conf,
# readable by the container user only, and points ODOO_RC at the copy.
# The value may be plain text or an Odoo hash ($pbkdf2-sha512$...).
# Unset or empty: the file is used as it is (admin_passwd = False: the
# master password, and so the database manager, is disabled).
set -euo pipefail

if [ -n "${ODOO_ADMIN_PASSWD_FILE:-}" ]; then
    ODOO_ADMIN_PASSWD="$(< "$ODOO_ADMIN_PASSWD_FILE")"
fi

if [ -n "${ODOO_ADMIN_PASSWD:-}" ]; then
    case "$ODOO_ADMIN_PASSWD" in
        *$'\n'* | *$'\r'*)
            echo "entrypoint-project.sh: ODOO_ADMIN_PASSWD must be a single line" >&2
            exit 1
            ;;
    esac
    src="${ODOO_RC:-/etc/odoo/odoo.conf}"
    dst=/tmp/odoo.conf
    umask 077
    shopt -s nocasematch
    written=0
    in_options=0
    {
        while IFS= read -r line || [ -n "$line" ]; do
            if [[ $line =~ ^[[:space:]]*\[([^]]*)\] ]]; then
                printf '%s\n' "$line"
                in_options=0
                if [ "${BASH_REMATCH[1]}" = options ]; then
                    in_options=1
                    if [ "$written" -eq 0 ]; then
                        printf 'admin_passwd = %s\n' "$ODOO_ADMIN_PASSWD"
                        written=1
                    fi
                fi
                continue
            fi
            # drop the file's own admin_passwd line(s) in [options]
            if [ "$in_options" -eq 1 ] \
                && [[ $line =~ ^[[:space:]]*admin_passwd[[:space:]]*[=:] ]]; then
                continue
            fi
            printf '%s\n' "$line"
        done < "$src"
        if [ "$written" -eq 0 ]; then
            printf '[options]\nadmin_passwd = %s\n' "$ODOO_ADMIN_PASSWD"
        fi
    } > "$dst"
    shopt -u nocasematch
    umask 022
    export ODOO_RC="$dst"
fi
unset ODOO_ADMIN_PASSWD ODOO_ADMIN_PASSWD_FILE

exec /entrypoint.sh "$@"
