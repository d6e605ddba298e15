"""The bootstrap's embedded PostgreSQL: with no server reachable, it creates
and starts a private cluster, and `pg-stop` stops it."""

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
DEVCTL = ROOT / "scripts" / "devctl.py"


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def devctl(command, local_dir, env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update(env_extra, COMMUNITY_LOCAL_DIR=str(local_dir))
    return subprocess.run(
        [sys.executable, DEVCTL, command], env=env, capture_output=True, text=True, timeout=300
    )


def test_private_cluster_when_no_server_answers(tmp_path):
    local = tmp_path / "local"
    # libpq variables name a server that does not answer: the bootstrap must
    # fall back to its own cluster rather than fail.
    unreachable = {
        "PGHOST": "127.0.0.1",
        "PGPORT": str(closed_port()),
        "PGUSER": "nobody_here",
        "COMMUNITY_PG_PORT": "56432",
    }
    started = devctl("pg-start", local, unreachable)
    info = None
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        assert "does not answer" in started.stdout
        info = json.loads((local / "pg.json").read_text())
        assert info["embedded"] is True
        assert info["user"] == "odoo"
        conn = psycopg2.connect(
            host=info["host"], port=info["port"], user=info["user"], dbname="postgres"
        )
        with conn, conn.cursor() as cr:
            cr.execute("SHOW server_version_num")
            assert int(cr.fetchone()[0]) >= 120000
            cr.execute("SELECT rolsuper FROM pg_roles WHERE rolname = 'odoo'")
            assert cr.fetchone()[0] is True
        conn.close()
        again = devctl("pg-start", local, unreachable)
        assert again.returncode == 0
        assert json.loads((local / "pg.json").read_text())["port"] == info["port"], "reused"
    finally:
        stopped = devctl("pg-stop", local, unreachable)
        if info and not info["data"].startswith(str(local)):
            shutil.rmtree(info["data"], ignore_errors=True)
    assert stopped.returncode == 0
    assert "stopped" in stopped.stdout
    assert not (local / "pg.json").exists()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", int(info["port"]))) != 0, "the cluster is down"
