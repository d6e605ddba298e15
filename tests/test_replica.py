"""Odoo with a PostgreSQL streaming replica: read-only routes read from the
hot standby, writes land on the primary.

The test builds its own pair with the bootstrap (`REPLICA=1 devctl.py
pg-start` into a temporary .local: initdb, pg_basebackup -R, hot standby),
copies the test database into the primary (pg_dump | pg_restore; the replica
follows by streaming), starts a real Odoo server with db_replica_host /
db_replica_port, then:

- downloads the league table (`/community_grid/league.xlsx`, a route marked
  readonly=True) and proves its queries ran on the replica: the replica's own
  statistics count new scans of community_event, the primary's do not;
- writes through JSON-RPC and finds the value on the primary, then streamed
  to the replica.

It fails (never skips) when the replica cannot be started.
"""

import configparser
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
DEVCTL = ROOT / "scripts" / "devctl.py"
DB = "community_replica_test"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def devctl(command, local_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update(COMMUNITY_LOCAL_DIR=str(local_dir), REPLICA="1", COMMUNITY_PG_PORT=str(free_port()))
    return subprocess.run(
        [sys.executable, DEVCTL, command], env=env, capture_output=True, text=True, timeout=300
    )


def pg_tool(name):
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/" + name), key=lambda p: int(p.parent.parent.name)
    )
    assert versions, f"PostgreSQL's {name} is missing"
    return str(versions[-1])


def connect(port, dbname=DB):
    conn = psycopg2.connect(host="127.0.0.1", port=port, user="odoo", dbname=dbname)
    conn.autocommit = True
    return conn


def scans(port, table):
    """seq_scan + idx_scan of a table, as counted by that server itself."""
    with connect(port) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0) "
            "FROM pg_stat_user_tables WHERE relname = %s",
            [table],
        )
        value = cr.fetchone()[0]
    conn.close()
    return value


@pytest.fixture
def pair(tmp_path, test_conf):
    """(primary port, replica port) of a fresh private cluster and its standby,
    holding a copy of the test database."""
    local = tmp_path / "local"
    started = devctl("pg-start", local)
    info = None
    try:
        if (local / "pg.json").is_file():
            info = json.loads((local / "pg.json").read_text())
        if started.returncode != 0 or not (info or {}).get("replica_port"):
            pytest.fail(
                "the streaming replica could not be started by `REPLICA=1 devctl.py pg-start`:\n"
                + started.stdout
                + started.stderr
            )
        source = configparser.ConfigParser(interpolation=None)
        source.read(test_conf)
        opts = source["options"]
        src_env = dict(os.environ, PGPASSWORD=opts.get("db_password", "") or "")
        if src_env["PGPASSWORD"] == "False":
            src_env["PGPASSWORD"] = ""
        src_args = ["-h", opts["db_host"], "-p", opts["db_port"], "-U", opts["db_user"]]
        subprocess.run(
            [pg_tool("createdb"), "-h", "127.0.0.1", "-p", info["port"], "-U", "odoo", DB],
            check=True,
        )
        dump = subprocess.Popen(
            [pg_tool("pg_dump"), *src_args, "-Fc", "-Z0", os.environ["COMMUNITY_TEST_DB"]],
            stdout=subprocess.PIPE,
            env=src_env,
        )
        restore = subprocess.run(
            [
                pg_tool("pg_restore"),
                "-h",
                "127.0.0.1",
                "-p",
                info["port"],
                "-U",
                "odoo",
                "-d",
                DB,
                "--no-owner",
            ],
            stdin=dump.stdout,
            capture_output=True,
            text=True,
        )
        dump.stdout.close()
        assert dump.wait() == 0, "pg_dump of the test database failed"
        assert restore.returncode == 0, restore.stderr
        # the filestore (web assets) of the test database, under the copy's name
        src_store = Path(opts["data_dir"]) / "filestore" / os.environ["COMMUNITY_TEST_DB"]
        if src_store.is_dir():
            shutil.copytree(src_store, tmp_path / "data" / "filestore" / DB)
        yield info
    finally:
        stopped = devctl("pg-stop", local)
        if info:
            for key in ("data", "replica_data"):
                if info.get(key) and not info[key].startswith(str(local)):
                    shutil.rmtree(info[key], ignore_errors=True)
        assert stopped.returncode == 0, stopped.stdout + stopped.stderr


def test_readonly_route_reads_the_replica_and_writes_reach_the_primary(tmp_path, pair, test_conf):
    primary, replica = pair["port"], pair["replica_port"]
    with connect(replica, "postgres") as conn, conn.cursor() as cr:
        cr.execute("SELECT pg_is_in_recovery()")
        assert cr.fetchone()[0] is True, "the replica is a hot standby"
    conn.close()
    # wait until the restored database has reached the standby
    deadline = time.time() + 60
    while True:
        try:
            scans(replica, "community_event")
            break
        except (psycopg2.OperationalError, TypeError):
            assert time.time() < deadline, "the copy of the database never reached the replica"
            time.sleep(0.5)

    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(test_conf)
    opts = cfg["options"]
    port = free_port()
    log = tmp_path / "odoo.log"
    opts.update(
        {
            "db_host": "127.0.0.1",
            "db_port": primary,
            "db_user": "odoo",
            "db_password": "False",
            "db_replica_host": "127.0.0.1",
            "db_replica_port": replica,
            "db_name": DB,
            "dbfilter": f"^{DB}$",
            "data_dir": str(tmp_path / "data"),
            "http_port": str(port),
            "logfile": str(log),
            "max_cron_threads": "0",
            "workers": "0",
        }
    )
    conf = tmp_path / "odoo.conf"
    with open(conf, "w") as fh:
        cfg.write(fh)
    proc = subprocess.Popen(
        [sys.executable, "-m", "odoo", "-c", conf, "-d", DB],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 180
        while True:
            try:
                if requests.get(f"{base}/web/login", timeout=60).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail(f"Odoo with a replica did not answer; see {log}:\n{log.read_text()}")
            time.sleep(0.5)
        session = requests.Session()
        token = CSRF.search(session.get(f"{base}/web/login", timeout=30).text).group(1)
        resp = session.post(
            f"{base}/web/login",
            data={"login": "admin", "password": "admin", "csrf_token": token},
            timeout=60,
        )
        assert resp.url.endswith("/odoo"), resp.url

        before = {p: scans(p, "community_event") for p in (primary, replica)}
        xlsx = session.get(f"{base}/community_grid/league.xlsx", timeout=60)
        assert xlsx.status_code == 200
        assert xlsx.content[:2] == b"PK", "an xlsx workbook"
        # backends flush their statistics within a second or so of going idle
        deadline = time.time() + 15
        while scans(replica, "community_event") <= before[replica]:
            assert time.time() < deadline, "the league route did not read the replica"
            time.sleep(0.5)
        assert scans(primary, "community_event") == before[primary], (
            "the read-only route also read the primary"
        )

        # a write goes to the primary, and streams to the replica
        marker = f"replica-test-{time.time_ns()}"
        rpc = session.post(
            f"{base}/web/dataset/call_kw/res.partner/write",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": "res.partner",
                    "method": "write",
                    "args": [[3], {"ref": marker}],
                    "kwargs": {},
                },
            },
            timeout=60,
        ).json()
        assert rpc.get("result") is True, rpc
        for server in (primary, replica):
            deadline = time.time() + 15
            while True:
                with connect(server) as conn, conn.cursor() as cr:
                    cr.execute("SELECT ref FROM res_partner WHERE id = 3")
                    found = cr.fetchone()[0]
                conn.close()
                if found == marker:
                    break
                assert server == replica and time.time() < deadline, (
                    f"the write is missing on {'the primary' if server == primary else 'replica'}"
                )
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    bad = [
        line
        for line in log.read_text().splitlines()
        if len(line.split(" ", 4)) > 3 and line.split(" ", 4)[3] in ("WARNING", "ERROR")
    ]
    assert not bad, "\n".join(bad)
