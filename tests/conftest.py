"""System tests: they run the real server and the real bootstrap, as a user would.

`make test` runs them after installing the addons into the test database and
passes that database through COMMUNITY_TEST_CONF / COMMUNITY_TEST_DB.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def test_conf():
    conf = os.environ.get("COMMUNITY_TEST_CONF")
    if not conf:
        pytest.fail("run the system tests through `make test` (COMMUNITY_TEST_CONF is not set)")
    return conf


@contextlib.contextmanager
def running_server(test_conf, log_name="test-server.log", extra_args=()):
    """The real Odoo server on a free port, started the way `make run` starts
    it; yields its base URL and stops it afterwards."""
    port = free_port()
    log = ROOT / ".local" / log_name
    db = os.environ["COMMUNITY_TEST_DB"]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            test_conf,
            "-d",
            db,
            f"--http-port={port}",
            f"--logfile={log}",
            *extra_args,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if requests.get(f"{base}/web/login", timeout=30).status_code == 200:
                break
        except requests.RequestException:
            # not listening yet, or still building its first page (over 5 s
            # on a loaded 2-core machine): ask again until the deadline
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(f"Odoo did not answer on {base}; see {log}")
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="session")
def server(test_conf):
    """The real Odoo server on a free port, started the way `make run` starts it."""
    with running_server(test_conf) as base:
        yield base
