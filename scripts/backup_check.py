#!/usr/bin/env python3
"""Take a base backup of the PostgreSQL server and prove it restores.

    python3 scripts/backup_check.py [--keep] [--out DIR]

1. `pg_basebackup -Ft -z -X stream` of the server `make run` uses (the
   private cluster, or the one named by PG* variables): a compressed tar of
   the data directory with the WAL needed to make it consistent;
2. unpacks it into a scratch directory and starts it as a separate
   PostgreSQL on a free port;
3. compares, database by database, the installed modules and the number of
   users and partners with the running server;
4. stops it and removes the scratch copy (the backup stays with --keep).

Standard library only, like devctl.py (whose helpers it uses). In
production the same base backup plus the archived WAL (archive_command, see
docs/OPERATIONS.md) restores to any point in time; this script is the
restore drill to run after each change of the backup set-up, and monthly.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import devctl

CHECKS = [
    ("modules", "SELECT count(*) FROM ir_module_module WHERE state = 'installed'"),
    ("users", "SELECT count(*) FROM res_users"),
    ("partners", "SELECT count(*) FROM res_partner"),
]


def psql(info, port, db, query, user):
    cmd = [
        devctl.pg_bin("psql"),
        "-h",
        "127.0.0.1" if port != info["port"] else (info["host"] or "127.0.0.1"),
        "-p",
        port,
        "-U",
        info["user"],
        "-d",
        db,
        "-Atc",
        query,
    ]
    env = dict(os.environ, PGPASSWORD=info.get("password") or "")
    out = subprocess.run(
        devctl.as_user(cmd, user), capture_output=True, text=True, env=env, check=False
    )
    return out.stdout.strip() if out.returncode == 0 else None


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keep", action="store_true", help="keep the backup tarballs")
    parser.add_argument("--out", help="where the backup goes (default: a scratch directory)")
    args = parser.parse_args()
    info = devctl.pg_connection()
    user = devctl.unprivileged_user() if info.get("embedded") else None
    scratch = Path(tempfile.mkdtemp(prefix="community-backup-", dir="/var/tmp"))
    if user is not None:
        os.chown(scratch, user.pw_uid, user.pw_gid)
    backup = Path(args.out) if args.out else scratch / "base"
    restore = scratch / "restore"
    port = str(devctl.free_port(int(info["port"]) + 100))
    started = False
    try:
        start = time.time()
        env = dict(os.environ, PGPASSWORD=info.get("password") or "")
        devctl.run(
            devctl.as_user(
                [
                    devctl.pg_bin("pg_basebackup"),
                    "-h",
                    info["host"] or "127.0.0.1",
                    "-p",
                    info["port"],
                    "-U",
                    info["user"],
                    "-D",
                    backup,
                    "-Ft",
                    "-z",
                    "-X",
                    "stream",
                    "-c",
                    "fast",
                ],
                user,
            ),
            env=env,
        )
        size = sum(f.stat().st_size for f in backup.iterdir())
        devctl.say(f"base backup: {size / 2**20:.0f} MiB in {time.time() - start:.0f} s")
        restore.mkdir(mode=0o700)
        (restore / "pg_wal").mkdir(mode=0o700)
        devctl.run(["tar", "-xzf", backup / "base.tar.gz", "-C", restore])
        devctl.run(["tar", "-xzf", backup / "pg_wal.tar.gz", "-C", restore / "pg_wal"])
        # the copy must not archive WAL into the production archive
        with open(restore / "postgresql.auto.conf", "a") as fh:
            fh.write("\narchive_mode = off\n")
        if user is not None:
            devctl.run(["chown", "-R", f"{user.pw_uid}:{user.pw_gid}", restore])
        devctl.run(
            devctl.as_user(
                [
                    devctl.pg_bin("pg_ctl"),
                    "start",
                    "-w",
                    "-D",
                    restore,
                    "-l",
                    scratch / "restore.log",
                    "-o",
                    f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories=''",
                ],
                user,
            ),
            stdout=subprocess.DEVNULL,
        )
        started = True
        dbs = psql(
            info,
            info["port"],
            "postgres",
            "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'",
            user,
        ).split()
        failures = []
        for db in dbs:
            for label, query in CHECKS:
                live = psql(info, info["port"], db, query, user)
                copy = psql(info, port, db, query, user)
                if live is None:
                    continue  # not an Odoo database
                if copy != live:
                    failures.append(f"{db}: {label} {copy} restored, {live} live")
            devctl.say(f"restored {db}: " + ("ok" if not failures else "DIFFERS"))
        if failures:
            devctl.die("the restored copy differs:\n  " + "\n  ".join(failures))
        devctl.say(f"restore drill passed ({len(dbs)} databases) in {time.time() - start:.0f} s")
    finally:
        if started:
            devctl.run(
                devctl.as_user(
                    [devctl.pg_bin("pg_ctl"), "stop", "-w", "-m", "fast", "-D", restore], user
                ),
                check=False,
                stdout=subprocess.DEVNULL,
            )
        if args.keep:
            shutil.rmtree(restore, ignore_errors=True)
            devctl.say(f"backup kept in {backup}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
