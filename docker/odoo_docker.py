#!/usr/bin/env python3
"""Helper of docker/entrypoint-project.sh, run by the image's system Python.

  odoo_docker.py write-config SRC DST
      Write DST (mode 0600, must not exist): the Odoo configuration SRC with
      the database connection and the served database set from the
      environment: db_host, db_port, db_user, db_password (DB_HOST, DB_PORT,
      DB_USER, DB_PASSWORD or the file named by DB_PASSWORD_FILE), db_name
      and dbfilter (ODOO_DB). Nothing of it goes on a command line.
  odoo_docker.py wait [--timeout N]
      Wait until PostgreSQL accepts a connection, with the settings of the
      configuration $ODOO_RC.
  odoo_docker.py state
      Print the state of the database db_name of $ODOO_RC: "missing",
      "empty" (exists, no Odoo tables) or "ready".

The values are read and written with RawConfigParser, as Odoo reads its
configuration file: no interpolation, so `%`, `*`, `#`, `;` and spaces
inside a password are kept as they are.
"""

import argparse
import configparser
import os
import re
import sys
import time

# Odoo's own rule for database names (odoo.service.db.DBNAME_PATTERN).
DBNAME_PATTERN = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
# Words Odoo's configuration parser turns into True/False/None.
SPECIAL_VALUES = {"true", "false", "none"}


class SetupError(Exception):
    pass


def env_secret(name):
    """$NAME, or the content of the file $NAME_FILE without its trailing line
    breaks (as the entrypoint's $(cat FILE) reads it)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        with open(path, encoding="utf-8") as fh:
            return fh.read().rstrip("\n")
    return os.environ.get(name, "")


def check_value(name, value):
    """A value that survives the round trip through Odoo's configuration file."""
    if not value:
        raise SetupError(f"{name} is empty")
    if "\n" in value or "\r" in value:
        raise SetupError(f"{name} must be a single line")
    if value != value.strip():
        raise SetupError(f"{name} must not begin or end with white space")
    if value.lower() in SPECIAL_VALUES:
        raise SetupError(f"{name} must not be {value!r} (Odoo reads it as a constant)")
    return value


def write_config(src, dst):
    db_name = os.environ.get("ODOO_DB", "")
    if not DBNAME_PATTERN.match(db_name):
        raise SetupError(f"ODOO_DB={db_name!r} is not a valid database name")
    values = {
        "db_host": check_value("DB_HOST", os.environ.get("DB_HOST", "db")),
        "db_port": check_value("DB_PORT", os.environ.get("DB_PORT", "5432")),
        "db_user": check_value("DB_USER", os.environ.get("DB_USER", "odoo")),
        "db_password": check_value("DB_PASSWORD", env_secret("DB_PASSWORD")),
        # The cron worker runs the jobs of db_name only (without it, of every
        # database of the cluster); HTTP requests reach this database only.
        "db_name": db_name,
        "dbfilter": f"^{re.escape(db_name)}$",
    }
    cfg = configparser.RawConfigParser()
    if not cfg.read(src, encoding="utf-8"):
        raise SetupError(f"cannot read {src}")
    if not cfg.has_section("options"):
        cfg.add_section("options")
    for key, value in values.items():
        cfg.set("options", key, value)
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        cfg.write(fh)


def connection_kwargs(dbname=None):
    cfg = configparser.RawConfigParser()
    rc = os.environ.get("ODOO_RC", "")
    if not cfg.read(rc, encoding="utf-8"):
        raise SetupError(f"cannot read the configuration ODOO_RC={rc!r}")
    opts = cfg["options"]
    return {
        "host": opts.get("db_host"),
        "port": opts.get("db_port"),
        "user": opts.get("db_user"),
        "password": opts.get("db_password"),
        "dbname": dbname or "postgres",
    }, opts.get("db_name")


def wait(timeout):
    import psycopg2

    kwargs, _db = connection_kwargs()
    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg2.connect(**kwargs).close()
            return
        except psycopg2.OperationalError as exc:
            if time.monotonic() >= deadline:
                raise SetupError(
                    f"PostgreSQL at {kwargs['host']}:{kwargs['port']} did not answer "
                    f"within {timeout} s: {exc}"
                ) from exc
            time.sleep(1)


def state():
    import psycopg2

    kwargs, db_name = connection_kwargs()
    conn = psycopg2.connect(**kwargs)
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db_name,))
            if not cr.fetchone():
                return "missing"
    finally:
        conn.close()
    kwargs["dbname"] = db_name
    conn = psycopg2.connect(**kwargs)
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT to_regclass('public.ir_module_module') IS NOT NULL")
            return "ready" if cr.fetchone()[0] else "empty"
    finally:
        conn.close()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="odoo_docker.py")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("write-config")
    p.add_argument("src")
    p.add_argument("dst")
    p = sub.add_parser("wait")
    p.add_argument("--timeout", type=int, default=30)
    sub.add_parser("state")
    args = parser.parse_args(argv)
    try:
        if args.command == "write-config":
            write_config(args.src, args.dst)
        elif args.command == "wait":
            wait(args.timeout)
        else:
            print(state())
    except (SetupError, OSError) as exc:
        print(f"odoo_docker.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
