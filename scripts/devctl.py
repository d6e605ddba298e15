#!/usr/bin/env python3
"""Developer bootstrap for the community governance platform.

Called by the Makefile; standard library only, so that the system Python
can run it before the virtualenv exists.

    devctl.py venv        create .venv, install Odoo and the requirements
    devctl.py pg-start    find a PostgreSQL server, or start the private one
    devctl.py pg-stop     stop the private cluster (if this checkout runs one)
    devctl.py config      write .local/odoo.conf for this machine
    devctl.py run         install/upgrade the database and serve Odoo
    devctl.py stop        stop the server started by `run`, then PostgreSQL
    devctl.py test        fresh test database, every test, one summary line
    devctl.py i18n        export .pot files and merge them into zh_CN.po

Machine-specific values (Odoo path, database connection, ports) go into
.local/, never into the committed odoo.conf.
"""

import argparse
import configparser
import contextlib
import hashlib
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = Path(os.environ.get("COMMUNITY_LOCAL_DIR", ROOT / ".local")).resolve()
VENV = Path(os.environ.get("COMMUNITY_VENV", ROOT / ".venv"))
ADDONS = ["community_grid", "community_party", "community_mediation", "community_volunteer"]
# `make test ADDONS=community_party` (and `make i18n ADDONS=...`): only these
# addons (and what they depend on); the system tests, which need all four,
# are left out.
SELECTED = [a for a in (os.environ.get("ADDONS") or "").split(",") if a] or ADDONS
ODOO_SDIST_URL = "https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
DB_NAME = os.environ.get("DB_NAME") or "community"
TEST_DB = os.environ.get("TEST_DB") or "community_test"
HTTP_PORT = int(os.environ.get("HTTP_PORT") or "8069")
PG_ROLE = "odoo"


def say(msg):
    print(f"[devctl] {msg}", flush=True)


def die(msg, code=1):
    print(f"[devctl] ERROR: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


def run(cmd, check=True, **kw):
    return subprocess.run([str(c) for c in cmd], check=check, **kw)


def venv_python():
    return VENV / "bin" / "python"


def free_port(start):
    for port in range(start, start + 200):
        with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    die(f"no free TCP port from {start}")


def port_open(port, host="127.0.0.1"):
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


# --------------------------------------------------------------------------
# Odoo source and virtualenv
# --------------------------------------------------------------------------


def odoo_source():
    """The Odoo 18.0 source tree: $ODOO_PATH, /opt/odoo, or the downloaded sdist."""
    candidates = [Path(os.environ.get("ODOO_PATH") or "/opt/odoo"), LOCAL / "odoo-src"]
    for path in candidates:
        if (path / "odoo" / "release.py").is_file():
            return path.resolve()
    return None


def odoo_addons_path(src):
    paths = [ROOT / "addons"]
    if (src / "addons" / "web").is_dir():  # git layout
        paths.append(src / "addons")
    paths.append(src / "odoo" / "addons")
    return ",".join(str(p) for p in paths)


def download_odoo():
    """Try Odoo's official 18.0 source distribution; None where unreachable."""
    target = LOCAL / "odoo-src"
    archive = LOCAL / "odoo_18.0.latest.tar.gz"
    LOCAL.mkdir(parents=True, exist_ok=True)
    say(f"no Odoo source at $ODOO_PATH; trying {ODOO_SDIST_URL}")
    try:
        with urllib.request.urlopen(ODOO_SDIST_URL, timeout=30) as resp, open(archive, "wb") as fh:
            shutil.copyfileobj(resp, fh)
    except OSError as exc:
        say(f"download failed: {exc}")
        return None
    with tarfile.open(archive) as tar:
        top = tar.getnames()[0].split("/")[0]
        tar.extractall(LOCAL, filter="data")
    (LOCAL / top).rename(target)
    archive.unlink()
    return target


def python_for_venv():
    for name in ("python3.12", "python3.11", "python3.10", "python3"):
        exe = shutil.which(name)
        if not exe:
            continue
        out = subprocess.run(
            [exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if out in ("3.10", "3.11", "3.12"):
            return exe
    die("Odoo 18.0 needs Python 3.10, 3.11 or 3.12; none was found on PATH.")


def cmd_venv(_args):
    src = odoo_source() or download_odoo()
    if src is None:
        die(
            "Odoo 18.0 source not found and not downloadable.\n"
            "  Provide it in one of these ways:\n"
            "  - put an Odoo 18.0 source tree (odoo-bin, setup.py, odoo/) at /opt/odoo,\n"
            "    or point ODOO_PATH at one: make run ODOO_PATH=/path/to/odoo\n"
            "  - or use Docker: docker compose -f docker/compose.yaml up (see README.md)"
        )
    reqs = [src / "requirements.txt", ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]
    stamp_data = str(src) + "".join(p.read_text() for p in reqs)
    stamp = hashlib.sha256(stamp_data.encode()).hexdigest()
    stamp_file = VENV / ".community-stamp"
    if stamp_file.is_file() and stamp_file.read_text() == stamp and venv_python().exists():
        say(f"virtualenv up to date ({VENV}, Odoo from {src})")
        return
    if not venv_python().exists():
        py = python_for_venv()
        say(f"creating {VENV} with {py}")
        run([py, "-m", "venv", VENV])
    pip = [venv_python(), "-m", "pip", "--disable-pip-version-check"]
    # cbor2 5.4.2 (an Odoo requirement) builds with pkg_resources only:
    # keep setuptools < 81, in the venv and in pip's isolated builds.
    constraints = LOCAL / "build-constraints.txt"
    LOCAL.mkdir(parents=True, exist_ok=True)
    constraints.write_text("setuptools<81\n")
    env = dict(os.environ, PIP_CONSTRAINT=str(constraints))
    run([*pip, "install", "-q", "setuptools<81", "wheel"], env=env)
    say("installing Odoo's requirements (about two minutes the first time)")
    run([*pip, "install", "-q", "-r", src / "requirements.txt"], env=env)
    say(f"installing Odoo from {src}")
    run([*pip, "install", "-q", "--no-deps", "-e", src], env=env)
    say("installing the project's requirements")
    run(
        [
            *pip,
            "install",
            "-q",
            "-r",
            ROOT / "requirements.txt",
            "-r",
            ROOT / "requirements-dev.txt",
        ],
        env=env,
    )
    stamp_file.write_text(stamp)
    say("virtualenv ready")


# --------------------------------------------------------------------------
# PostgreSQL: the libpq-named server, or a private cluster under .local/
# --------------------------------------------------------------------------


def pg_bin(name):
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/" + name), key=lambda p: int(p.parent.parent.name)
    )
    if versions:
        return str(versions[-1])
    die(f"PostgreSQL's {name} was not found (apt-get install postgresql).")


def pg_state_file():
    return LOCAL / "pg.json"


def libpq_server():
    """Connection of the server named by PGHOST/PGPORT/PGUSER/PGPASSWORD, if it answers."""
    if not any(os.environ.get(v) for v in ("PGHOST", "PGPORT", "PGUSER")):
        return None
    user = os.environ.get("PGUSER") or pwd.getpwuid(os.getuid()).pw_name
    if user == "postgres":
        say("PGUSER is 'postgres', which Odoo refuses; using the private cluster instead")
        return None
    isready = subprocess.run([pg_bin("pg_isready"), "-q", "-d", "postgres"], env=os.environ)
    if isready.returncode != 0:
        say("the server named by the PG* variables does not answer; using the private cluster")
        return None
    return {
        "host": os.environ.get("PGHOST", ""),
        "port": os.environ.get("PGPORT", "5432"),
        "user": user,
        "password": os.environ.get("PGPASSWORD", ""),
        "embedded": False,
    }


def unprivileged_user():
    if os.getuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    die("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


def as_user(cmd, user):
    if user is None:
        return [str(c) for c in cmd]
    return ["runuser", "-u", user.pw_name, "--", *[str(c) for c in cmd]]


def embedded_data_dir(user):
    """.local/pg, or /var/tmp/... where the checkout is not reachable by the PostgreSQL user."""
    data = LOCAL / "pg"
    if user is None:
        return data
    LOCAL.mkdir(parents=True, exist_ok=True)
    probe = subprocess.run(as_user(["test", "-x", LOCAL], user), check=False)
    if probe.returncode == 0:
        return data
    digest = hashlib.sha1(str(LOCAL).encode()).hexdigest()[:10]
    return Path("/var/tmp") / f"community-pg-{digest}"


def embedded_running(data):
    ctl = (
        subprocess.run(
            [pg_bin("pg_ctl"), "status", "-D", data], capture_output=True, text=True, check=False
        )
        if os.access(data, os.R_OK)
        else None
    )
    if ctl is None:
        user = unprivileged_user()
        ctl = subprocess.run(
            as_user([pg_bin("pg_ctl"), "status", "-D", data], user),
            capture_output=True,
            check=False,
        )
    return ctl.returncode == 0


def start_embedded():
    user = unprivileged_user()
    data = embedded_data_dir(user)
    state = pg_state_file()
    if state.is_file():
        info = json.loads(state.read_text())
        if info.get("embedded") and Path(info["data"]).is_dir() and port_open(int(info["port"])):
            return info
    port = free_port(int(os.environ.get("COMMUNITY_PG_PORT") or "55432"))
    if not (data / "PG_VERSION").is_file():
        say(f"creating a private PostgreSQL cluster in {data}")
        data.mkdir(parents=True, exist_ok=True)
        if user is not None:
            os.chown(data, user.pw_uid, user.pw_gid)
        os.chmod(data, 0o700)
        run(
            as_user(
                [
                    pg_bin("initdb"),
                    "-D",
                    data,
                    "-U",
                    PG_ROLE,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ],
                user,
            ),
            stdout=subprocess.DEVNULL,
        )
    log = data / "server.log"
    say(f"starting the private PostgreSQL on 127.0.0.1:{port}")
    run(
        as_user(
            [
                pg_bin("pg_ctl"),
                "start",
                "-w",
                "-D",
                data,
                "-l",
                log,
                "-o",
                f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories=''",
            ],
            user,
        ),
        stdout=subprocess.DEVNULL,
    )
    info = {
        "host": "127.0.0.1",
        "port": str(port),
        "user": PG_ROLE,
        "password": "",
        "embedded": True,
        "data": str(data),
    }
    state.write_text(json.dumps(info))
    return info


def pg_connection():
    """The database server to use, starting the private one where needed."""
    LOCAL.mkdir(parents=True, exist_ok=True)
    return libpq_server() or start_embedded()


def cmd_pg_start(_args):
    info = pg_connection()
    where = "private cluster" if info["embedded"] else "server from PG* variables"
    say(f"PostgreSQL ready: {where} at {info['host'] or 'socket'}:{info['port']} as {info['user']}")


def cmd_pg_stop(_args):
    state = pg_state_file()
    if not state.is_file():
        say("no private PostgreSQL recorded for this checkout")
        return
    info = json.loads(state.read_text())
    if info.get("embedded"):
        user = unprivileged_user()
        res = run(
            as_user([pg_bin("pg_ctl"), "stop", "-w", "-m", "fast", "-D", info["data"]], user),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        say(
            "private PostgreSQL stopped"
            if res.returncode == 0
            else "private PostgreSQL was not running"
        )
    state.unlink()


# --------------------------------------------------------------------------
# Odoo configuration and server
# --------------------------------------------------------------------------


def write_config(name, db_name, http_port, logfile=None, extra=None):
    """.local/<name>: the committed odoo.conf plus this machine's values."""
    src = odoo_source()
    if src is None:
        die("no Odoo source; run `make run` (or devctl.py venv) first")
    info = pg_connection()
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(ROOT / "odoo.conf")
    opts = cfg["options"]
    opts["addons_path"] = odoo_addons_path(src)
    opts["data_dir"] = str(LOCAL / "data")
    opts["db_host"] = info["host"] or "False"
    opts["db_port"] = info["port"]
    opts["db_user"] = info["user"]
    opts["db_password"] = info["password"] or "False"
    opts["db_name"] = db_name
    opts["dbfilter"] = f"^{db_name}$"
    opts["http_port"] = str(http_port)
    opts["http_interface"] = "127.0.0.1"
    opts["proxy_mode"] = "False"
    opts["workers"] = "0"
    opts["list_db"] = "False"
    opts["logfile"] = str(logfile) if logfile else ""
    for key, value in (extra or {}).items():
        opts[key] = value
    path = LOCAL / name
    with open(path, "w") as fh:
        cfg.write(fh)
    return path


def cmd_config(_args):
    say(f"wrote {write_config('odoo.conf', DB_NAME, HTTP_PORT)}")


def odoo_cmd(conf, *args):
    return [venv_python(), "-m", "odoo", "-c", conf, *args]


def venvtool(*args, **kw):
    return run([venv_python(), ROOT / "scripts" / "venvtools.py", *args], **kw)


def db_state(conf, db_name):
    """'installed' (the platform is in it), 'empty' or 'absent'."""
    out = venvtool("db-state", conf, db_name, capture_output=True, text=True)
    return out.stdout.strip()


def server_pid_file():
    return LOCAL / "odoo.pid"


def wait_http(port, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=5) as resp:
                if resp.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(1)
    return False


def cmd_run(args):
    cmd_venv(args)
    log = LOCAL / "odoo.log"
    conf = write_config("odoo.conf", DB_NAME, HTTP_PORT, logfile=log)
    modules = ",".join(ADDONS)
    pid_file = server_pid_file()
    if pid_file.is_file():
        cmd_stop_server()
    if db_state(conf, DB_NAME) == "installed":
        done = venvtool("installed", conf, DB_NAME, *ADDONS, capture_output=True, text=True)
        upgrade = done.stdout.strip()
        # upgrade what is installed (-u), install what an interrupted run left
        # out (-i): an installed module given to -i would reload its demo data
        missing = ",".join(a for a in ADDONS if a not in upgrade.split(","))
        say(f"database '{DB_NAME}' exists: upgrading {upgrade}")
        step = ["-u", upgrade] + (["-i", missing] if missing else [])
    else:
        say(
            f"creating database '{DB_NAME}' with {modules}, demo data and zh_CN (about two minutes)"
        )
        # Odoo 18.0 loads demo data unless told --without-demo.
        step = ["-i", modules, "--load-language=zh_CN"]
    res = run(odoo_cmd(conf, "-d", DB_NAME, *step, "--stop-after-init"), check=False)
    if res.returncode != 0:
        die(f"installing/upgrading the addons failed; see {log}")
    if port_open(HTTP_PORT):
        die(f"port {HTTP_PORT} is taken; stop what runs there or use `make run HTTP_PORT=8070`")
    say(f"starting Odoo on http://localhost:{HTTP_PORT} (log: {log})")
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(
            [str(c) for c in odoo_cmd(conf, "-d", DB_NAME)],
            stdout=devnull,
            stderr=devnull,
            start_new_session=True,
        )
    pid_file.write_text(str(proc.pid))
    if not wait_http(HTTP_PORT):
        die(f"Odoo did not answer on port {HTTP_PORT}; see {log}")
    print(
        f"""
  社区治理平台 / Community governance platform is running:
    http://localhost:{HTTP_PORT}/odoo     (backend)
    http://localhost:{HTTP_PORT}/my       (resident portal)

  Demo logins (login / password):
    admin       / admin         平台管理员 (administrator, all of 南海区)
    manager     / manager-demo  街道管理人员 (street manager, 桂城街道)
    staff       / staff-demo    社区工作人员 (community staff, 平东社区)
    gridworker  / gridworker    网格长/网格员 (grid leader, 平东第一网格)
    partyworker / partyworker   党务工作者 (party worker, 平东社区)
    mediator    / mediator-demo 调解指导员 (mediation instructor, 桂城街道)
    specialist  / specialist    调解专员 (mediation specialist, 平东社区)
    department  / department    职能部门 (department member, 城管执法中队)
    teamleader  / teamleader    志愿队长 (volunteer team leader)
    auditor     / auditor-demo  审计员 (security auditor: reads the audit trail)
    resident    / resident-demo 居民 (portal resident 张桂英, 平东花园)

  Stop everything with: make stop
""",
        flush=True,
    )


def cmd_stop_server():
    pid_file = server_pid_file()
    if not pid_file.is_file():
        return False
    pid = int(pid_file.read_text())
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, 15)
        for _ in range(50):
            os.kill(pid, 0)
            time.sleep(0.2)
        os.killpg(pid, 9)
    pid_file.unlink()
    return True


def cmd_stop(args):
    say("Odoo stopped" if cmd_stop_server() else "no Odoo server recorded for this checkout")
    cmd_pg_stop(args)


# Log lines that are upstream noise, not our bugs. Keep this list short and
# say why each entry is harmless.
LOG_IGNORE = []


def check_logs(paths):
    """OCA checklog: every ERROR/WARNING/CRITICAL line of the Odoo logs is a failure."""
    bad = []
    for path in paths:
        if not path.is_file():
            continue
        for line in path.read_text(errors="replace").splitlines():
            parts = line.split(" ", 4)
            if len(parts) > 3 and parts[3] in ("WARNING", "ERROR", "CRITICAL"):
                if not any(pattern in line for pattern in LOG_IGNORE):
                    bad.append(f"{path.name}: {line}")
    return bad


def junit_counts(path):
    import xml.etree.ElementTree as ET

    counts = {"passed": 0, "failed": 0, "skipped": 0}
    if not path.is_file():
        return counts
    for case in ET.parse(path).getroot().iter("testcase"):
        tags = {child.tag for child in case}
        if tags & {"failure", "error"}:
            counts["failed"] += 1
        elif "skipped" in tags:
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
    return counts


def cmd_test(args):
    """A fresh test database with demo data, every test, the logs checked."""
    cmd_venv(args)
    for old in LOCAL.glob("test*.log"):
        old.unlink()
    for old in LOCAL.glob("junit-*.xml"):
        old.unlink()
    install_log = LOCAL / "test-install.log"
    run_log = LOCAL / "test-run.log"
    conf = write_config("test.conf", TEST_DB, free_port(18069), logfile=install_log)
    started = time.time()
    drop_db(TEST_DB, conf)
    modules = ",".join(SELECTED)
    say(f"installing {modules} with demo data into a fresh '{TEST_DB}'")
    res = run(
        odoo_cmd(conf, "-d", TEST_DB, "-i", modules, "--load-language=zh_CN", "--stop-after-init"),
        check=False,
    )
    failures = []
    if res.returncode != 0:
        failures.append(f"installation failed (exit {res.returncode}); see {install_log}")
    # Test mode, as Odoo's own runner sets it: pytest-odoo imports the test
    # framework, which logs an ERROR outside test mode. The tag "-standard"
    # turns test mode on while selecting none of Odoo's own tests for the
    # registry to run: pytest runs ours.
    conf = write_config(
        "pytest.conf", TEST_DB, free_port(18069), logfile=run_log, extra={"test_tags": "-standard"}
    )
    # The system tests start a real server as `make run` does: no test mode.
    server_conf = write_config(
        "test.conf", TEST_DB, free_port(18069), logfile=LOCAL / "test-server.log"
    )
    env = dict(os.environ, COMMUNITY_TEST_CONF=str(server_conf), COMMUNITY_TEST_DB=TEST_DB)
    pytest = [venv_python(), "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rfEs"]
    suites = [
        (
            "addons",
            [
                *pytest,
                f"--odoo-database={TEST_DB}",
                f"--odoo-config={conf}",
                "--odoo-log-level=info",
                "--odoo-http",
                "--junitxml",
                LOCAL / "junit-addons.xml",
                *[ROOT / "addons" / a / "tests" for a in SELECTED],
            ],
        ),
    ]
    if SELECTED == ADDONS:
        system = [
            *pytest,
            "-p",
            "no:odoo",
            "--junitxml",
            LOCAL / "junit-system.xml",
            ROOT / "tests",
        ]
        suites.append(("system", system))
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    if res.returncode == 0:
        for name, cmd in suites:
            say(f"running the {name} tests")
            code = run(cmd, check=False, env=env, cwd=ROOT).returncode
            counts = junit_counts(LOCAL / f"junit-{name}.xml")
            for key in totals:
                totals[key] += counts[key]
            if code not in (0, 5) and not counts["failed"]:
                failures.append(f"pytest ({name}) ended with exit code {code}")
            if code == 5:
                failures.append(f"no {name} test was collected")
    bad_lines = check_logs(sorted(LOCAL.glob("test*.log")))
    if bad_lines:
        print("\nWARNING/ERROR lines in the Odoo logs (each one is a bug):", flush=True)
        for line in bad_lines[:60]:
            print("  " + line)
        failures.append(f"{len(bad_lines)} WARNING/ERROR lines in the Odoo logs")
    if totals["failed"]:
        failures.append(f"{totals['failed']} tests failed")
    if totals["skipped"]:
        failures.append(
            f"{totals['skipped']} tests were skipped (a skipped tour hides a missing browser)"
        )
    say(f"make test took {time.time() - started:.0f} s")
    for failure in failures:
        say(f"FAILED: {failure}")
    line = f"{totals['passed']} passed, {totals['failed']} failed"
    if totals["skipped"]:
        line += f", {totals['skipped']} skipped"
    print(line, flush=True)
    sys.exit(1 if failures else 0)


def cmd_i18n(args):
    cmd_venv(args)
    conf = write_config("i18n.conf", "community_i18n", free_port(18069), logfile=LOCAL / "i18n.log")
    drop_db("community_i18n", conf)
    modules = ",".join(SELECTED)
    run(
        odoo_cmd(
            conf, "-d", "community_i18n", "-i", modules, "--without-demo=all", "--stop-after-init"
        )
    )
    for addon in SELECTED:
        i18n = ROOT / "addons" / addon / "i18n"
        i18n.mkdir(exist_ok=True)
        pot = i18n / f"{addon}.pot"
        run(
            odoo_cmd(
                conf,
                "-d",
                "community_i18n",
                "--i18n-export",
                pot,
                "--modules",
                addon,
                "--stop-after-init",
            )
        )
        venvtool("merge-po", pot, i18n / "zh_CN.po", odoo_source())
    drop_db("community_i18n", conf)


def drop_db(db_name, conf):
    """Drop a database and its filestore (the web database manager stays off)."""
    venvtool("drop-db", conf, db_name)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in [
        ("venv", cmd_venv),
        ("pg-start", cmd_pg_start),
        ("pg-stop", cmd_pg_stop),
        ("config", cmd_config),
        ("run", cmd_run),
        ("stop", cmd_stop),
        ("test", cmd_test),
        ("i18n", cmd_i18n),
    ]:
        sub.add_parser(name).set_defaults(func=func)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
