"""The production files under docker/, checked without Docker (which cannot
run on the project's machines).

- The compose file against the Compose specification's JSON schema (the copy
  vendored in check-jsonschema, Apache-2.0), the shell scripts with bash -n
  and shellcheck, and what the files themselves can show of docker/README.md's
  promises: addons outside the base image's volume, pinned image tags,
  pull_policy, limits that fit together, the nginx example's headers.
- docker/entrypoint-project.sh run for real, with a stub `odoo`, stub
  PostgreSQL tools and a stub psycopg2 (it records the connection arguments
  and answers the database's state). The wrapper no longer calls the official
  image's /entrypoint.sh (that script passes --db_host/--db_user/--db_password
  to Odoo when the configuration lacks them), so no copy or imitation of it is
  needed: the test runs the wrapper with the compose file's own command and
  proves that the database password reaches no process's argument list (every
  `python3` and `odoo` call is logged), but reaches Odoo's configuration
  parser intact through the 0600 copy, even with spaces, `*`, `%`, `#`, `;`.
"""

import configparser
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKER = ROOT / "docker"
WRAPPER = DOCKER / "entrypoint-project.sh"
COMPOSE = yaml.safe_load((DOCKER / "compose.yaml").read_text())
MODULES = "community_grid,community_party,community_mediation,community_volunteer"
PASSWORD = "s3cret pass*word %s #x;y"
ADMIN_PASSWORD = "first admin*pass"


def odoo_conf():
    cfg = configparser.RawConfigParser()
    cfg.read(ROOT / "odoo.conf")
    return cfg["options"]


def command_option(name):
    for arg in COMPOSE["services"]["odoo"]["command"]:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    raise AssertionError(f"--{name} is not in the odoo service's command")


def size(value):
    units = {"k": 2**10, "m": 2**20, "g": 2**30}
    value = str(value).lower()
    return int(value[:-1]) * units[value[-1]] if value[-1] in units else int(value)


def documented_commands(doc):
    """The shell commands of a Markdown file's ```sh blocks, continuations joined."""
    blocks = re.findall(r"```sh\n(.*?)```", doc.read_text(), re.S)
    return [c for b in blocks for c in b.replace("\\\n", " ").splitlines() if c.strip()]


def venv_tool(name):
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else shutil.which(name)


# --------------------------------------------------------------------------
# the files
# --------------------------------------------------------------------------


def test_compose_file_follows_the_compose_specification():
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            DOCKER / "compose.yaml",
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_shell_scripts_pass_bash_n_and_shellcheck():
    scripts = sorted(DOCKER.glob("*.sh"))
    assert scripts
    shellcheck = venv_tool("shellcheck")
    assert shellcheck, "shellcheck is missing: it comes with requirements-dev.txt"
    for script in scripts:
        res = subprocess.run(["bash", "-n", script], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
        assert os.access(script, os.X_OK), f"{script} is not executable"
    res = subprocess.run([shellcheck, *scripts], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_addons_are_not_in_a_volume_of_the_base_image():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    dest = re.search(r"^COPY addons/ (\S+?)/?$", dockerfile, re.M).group(1)
    assert not dest.startswith("/mnt/extra-addons")
    assert not re.search(r"^VOLUME.*" + re.escape(dest), dockerfile, re.M)
    paths = odoo_conf()["addons_path"].split(",")
    assert paths[0] == dest
    assert not any(p.startswith("/mnt/extra-addons") for p in paths)
    # no documented command needs --renew-anon-volumes any more
    for doc in (DOCKER / "README.md", ROOT / "README.md"):
        for command in documented_commands(doc):
            assert not re.search(r"\s(-V|--renew-anon-volumes)\b", command), command


def test_images_are_pinned_and_the_project_image_is_built():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    odoo_image = re.search(r"^ARG ODOO_IMAGE=(\S+)$", dockerfile, re.M).group(1)
    assert re.fullmatch(
        r"odoo:18\.0-\d{8}(@sha256:[0-9a-f]{64})?|odoo@sha256:[0-9a-f]{64}", odoo_image
    )
    assert re.search(r"^FROM \$\{ODOO_IMAGE\}$", dockerfile, re.M)
    db = COMPOSE["services"]["db"]["image"]
    assert re.fullmatch(
        r"postgres:16\.\d+-bookworm(@sha256:[0-9a-f]{64})?|postgres@sha256:[0-9a-f]{64}", db
    )
    odoo = COMPOSE["services"]["odoo"]
    assert odoo["pull_policy"] == "build"
    assert "build" in odoo
    assert "build --pull" in (DOCKER / "README.md").read_text()


def test_operations_settings():
    services = COMPOSE["services"]
    for name, service in services.items():
        assert service["logging"]["options"]["max-size"], name
        assert service["logging"]["options"]["max-file"], name
        assert "no-new-privileges:true" in service["security_opt"], name
        assert service["cap_drop"] == ["ALL"], name
        assert service["read_only"] is True, name
        assert any(t.split(":")[0] == "/tmp" for t in service["tmpfs"]), name
        assert service["stop_grace_period"], name
        assert service["mem_limit"], name
    # memory: every process at limit_memory_soft, one at limit_memory_hard
    workers = int(command_option("workers"))
    crons = int(command_option("max-cron-threads"))
    processes = workers + crons + 1  # + the gevent worker
    soft = int(command_option("limit-memory-soft"))
    hard = int(command_option("limit-memory-hard"))
    assert soft < hard
    assert size(services["odoo"]["mem_limit"]) >= processes * soft + (hard - soft)
    # connections: every process's pool full, below max_connections
    maxconn = int(command_option("db_maxconn"))
    db_command = " ".join(services["db"]["command"])
    max_connections = int(re.search(r"max_connections=(\d+)", db_command).group(1))
    assert maxconn * processes < max_connections - 3  # superuser_reserved_connections


def test_secrets_and_database_name():
    odoo = COMPOSE["services"]["odoo"]
    command = " ".join(odoo["command"])
    assert "password" not in command.lower()
    assert "db-filter" not in command  # dbfilter and db_name come from ODOO_DB
    env = odoo["environment"]
    assert env["ODOO_DB"] == "${ODOO_DB:-community}"
    # not the official entrypoint's names: it is not called
    assert not {"HOST", "USER", "PASSWORD"} & set(env)
    docs = [DOCKER / "README.md", ROOT / "README.md", *DOCKER.iterdir()]
    for path in docs:
        if path.is_file():
            assert "ODOO_ADMIN_PASSWD" not in path.read_text(), path
    # every variable of the compose file is in the documented settings
    example = (DOCKER / "env.example").read_text()
    for var in set(re.findall(r"\$\{(\w+)", (DOCKER / "compose.yaml").read_text())):
        assert re.search(rf"^{var}=", example, re.M), var
    # no command of the docs names the database, nor sets a variable: ODOO_DB
    # and the rest come from docker/.env, which Compose reads by itself
    commands = documented_commands(DOCKER / "README.md")
    assert any(c.startswith("docker compose") for c in commands)
    for command in commands:
        assert not re.search(r"\s-d\s+\S", command), command
        if "docker compose" in command:
            assert command.startswith("docker compose -f docker/compose.yaml "), command
    ignored = subprocess.run(["git", "check-ignore", "-q", "docker/.env"], cwd=ROOT)
    assert ignored.returncode == 0, "docker/.env must be git-ignored"


def nginx_blocks(text):
    """{location path: body} and the server bodies of a simple nginx file."""
    text = re.sub(r"#.*", "", text)
    locations = dict(re.findall(r"location\s+(\S+)\s*\{([^}]*)\}", text))
    return locations, text


def test_nginx_example():
    text = (DOCKER / "nginx.conf.example").read_text()
    locations, clean = nginx_blocks(text)
    assert set(locations) == {"/", "/websocket"}
    headers = ["Host", "X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Proto", "X-Real-IP"]
    for path, body in locations.items():
        assert re.search(r"proxy_http_version\s+1\.1;", body), path
        for header in headers:
            assert re.search(rf"proxy_set_header\s+{header}\s", body), (path, header)
    assert "8072" in clean and "odoo_websocket" in locations["/websocket"]
    assert re.search(r"listen 80;.*?return 301 https://\$host\$request_uri;", clean, re.S)
    assert re.search(r"add_header Strict-Transport-Security \"max-age=\d+\" always;", clean)
    assert "proxy_cookie_flags session_id samesite=lax secure;" in clean
    timeout = int(re.search(r"proxy_read_timeout (\d+)s;", clean).group(1))
    assert timeout >= int(odoo_conf()["limit_time_real"])
    assert re.search(r"```nginx|nginx.conf.example", (DOCKER / "README.md").read_text())


# --------------------------------------------------------------------------
# the wrapper, run with stubs
# --------------------------------------------------------------------------

STUB_PSYCOPG2 = """
import json, os

class OperationalError(Exception):
    pass

class _Cursor:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
    def execute(self, query, params=None):
        self.query = query
    def fetchone(self):
        state = os.environ["STUB_DB_STATE"]
        if "pg_database" in self.query:
            return None if state == "missing" else (1,)
        return (state == "ready",)

class _Conn:
    def cursor(self):
        return _Cursor()
    def close(self):
        pass

def connect(**kwargs):
    with open(os.path.join(os.environ["STUB_LOG"], "connect.jsonl"), "a") as fh:
        fh.write(json.dumps(kwargs) + "\\n")
    return _Conn()
"""

# Each stub logs its argument list (one file per call, NUL-separated), its
# environment, and for odoo its configuration file and standard input.
STUB_TOOL = """#!/bin/bash
n=$(ls "$STUB_LOG" | wc -l)
call="$STUB_LOG/$(printf '%03d' "$n")-$(basename "$0")"
printf '%s\\0' "$@" > "$call.argv"
env -0 > "$call.env"
"""

STUB_ODOO = (
    STUB_TOOL
    + """cp "$ODOO_RC" "$call.conf"
stat -c %a "$ODOO_RC" > "$call.mode"
stat -c %a "$(dirname "$ODOO_RC")" > "$call.dirmode"
if [ "${1:-}" = shell ]; then cat > "$call.stdin"; fi
exit "${STUB_ODOO_EXIT:-0}"
"""
)

STUB_PG = (
    STUB_TOOL
    + """case "$(basename "$0")" in
    pg_dump) for a in "$@"; do case "$a" in --file=*) echo dump > "${a#--file=}" ;; esac; done ;;
    pg_restore) [ "$1" = --list ] && printf ';\\n;     dbname: %s\\n' "$STUB_DUMP_DB" ;;
esac
exit 0
"""
)


class Wrapper:
    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.bin = tmp_path / "bin"
        self.log = tmp_path / "log"
        self.pylib = tmp_path / "pylib" / "psycopg2"
        for d in (self.bin, self.log, self.pylib, tmp_path / "data", tmp_path / "backups"):
            d.mkdir(parents=True)
        (self.pylib / "__init__.py").write_text(STUB_PSYCOPG2)
        self._tool("odoo", STUB_ODOO)
        for name in ("pg_dump", "pg_restore", "dropdb"):
            self._tool(name, STUB_PG)
        # python3 is logged too, then runs the real interpreter
        self._tool("python3", STUB_TOOL + f'exec "{sys.executable}" "$@"\n')
        self.rc = tmp_path / "odoo.conf"
        shutil.copy(ROOT / "odoo.conf", self.rc)

    def _tool(self, name, text):
        path = self.bin / name
        path.write_text(text)
        path.chmod(0o755)

    def run(self, *args, state="ready", env=None, **extra):
        base = {
            "PATH": f"{self.bin}:/usr/bin:/bin",
            "PYTHONPATH": str(self.pylib.parent),
            "TMPDIR": str(self.tmp),
            "ODOO_RC": str(self.rc),
            "ODOO_DATA_DIR": str(self.tmp / "data"),
            "BACKUP_DIR": str(self.tmp / "backups"),
            "STUB_LOG": str(self.log),
            "STUB_DB_STATE": state,
            "STUB_DUMP_DB": "community",
            # as docker/compose.yaml sets them
            "DB_HOST": "db",
            "DB_PORT": "5432",
            "DB_USER": "odoo",
            "DB_PASSWORD": PASSWORD,
            "ODOO_DB": "community",
            "INIT_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "ODOO_COMPANY_NAME": "桂城街道办事处",
        }
        base.update(env or {})
        return subprocess.run(
            ["bash", WRAPPER, *args], env=base, capture_output=True, text=True, timeout=60, **extra
        )

    def calls(self, name=None):
        """[(tool, argv, env, path prefix)] in call order."""
        out = []
        for argv in sorted(self.log.glob("*.argv")):
            tool = argv.name.split("-", 1)[1][: -len(".argv")]
            if name and tool != name:
                continue
            args = argv.read_bytes().split(b"\0")[:-1]
            env_items = argv.with_suffix(".env").read_bytes().split(b"\0")
            env = dict(i.decode().split("=", 1) for i in env_items if b"=" in i)
            out.append((tool, [a.decode() for a in args], env, argv.with_suffix("")))
        return out

    def assert_no_secret_on_a_command_line(self):
        calls = self.calls()
        assert calls
        for tool, argv, _env, _prefix in calls:
            joined = "\0".join(argv)
            for secret in (PASSWORD, ADMIN_PASSWORD, "s3cret", "admin*pass"):
                assert secret not in joined, (tool, argv)


@pytest.fixture
def wrapper(tmp_path):
    return Wrapper(tmp_path)


def test_server_gets_the_password_through_its_config_only(wrapper):
    compose_command = COMPOSE["services"]["odoo"]["command"]
    res = wrapper.run(*compose_command)
    assert res.returncode == 0, res.stderr
    wrapper.assert_no_secret_on_a_command_line()
    [(_, argv, env, prefix)] = wrapper.calls("odoo")
    assert argv == compose_command[1:]  # the "--" dropped, nothing added
    for var in ("DB_PASSWORD", "INIT_ADMIN_PASSWORD", "PGPASSWORD"):
        assert var not in env
    assert not any(PASSWORD in value for value in env.values())
    assert Path(prefix.with_suffix(".mode")).read_text().strip() == "600"
    assert Path(prefix.with_suffix(".dirmode")).read_text().strip() == "700"
    conf = configparser.RawConfigParser()
    conf.read(prefix.with_suffix(".conf"))
    opts = conf["options"]
    assert opts["db_password"] == PASSWORD
    assert (opts["db_host"], opts["db_port"], opts["db_user"]) == ("db", "5432", "odoo")
    assert opts["db_name"] == "community"
    assert opts["dbfilter"] == "^community$"
    assert opts["addons_path"] == odoo_conf()["addons_path"]
    # the wait and the state check connected with the password as written
    lines = (wrapper.log / "connect.jsonl").read_text().splitlines()
    connects = [json.loads(line) for line in lines]
    assert connects and all(c["password"] == PASSWORD for c in connects)
    # and Odoo's own configuration parser reads it intact
    code = textwrap.dedent(
        f"""
        from odoo.tools import config
        config.rcfile = {str(prefix.with_suffix(".conf"))!r}
        config.load()
        print(config.options["db_password"])
        """
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if "No module named" in res.stderr:
        pytest.skip("Odoo is not installed in this interpreter (make test installs it)")
    assert res.stdout.rstrip("\n") == PASSWORD, res.stderr


def test_server_refuses_a_database_not_initialised(wrapper):
    for state in ("missing", "empty"):
        res = wrapper.run("--", "--workers=5", state=state)
        assert res.returncode == 1
        assert "init" in res.stderr
    assert not wrapper.calls("odoo")


def test_password_file_and_bad_passwords(wrapper, tmp_path):
    secret = tmp_path / "db_password"
    secret.write_text(PASSWORD + "\n")
    res = wrapper.run("odoo", env={"DB_PASSWORD": "", "DB_PASSWORD_FILE": str(secret)})
    assert res.returncode == 0, res.stderr
    [(_, _argv, _env, prefix)] = wrapper.calls("odoo")
    conf = configparser.RawConfigParser()
    conf.read(prefix.with_suffix(".conf"))
    assert conf["options"]["db_password"] == PASSWORD
    for bad in ("", " leading", "two\nlines", "False"):
        res = wrapper.run("odoo", env={"DB_PASSWORD": bad})
        assert res.returncode == 1, bad
    assert len(wrapper.calls("odoo")) == 1


def test_init_is_one_step_with_admin_password_language_and_company(wrapper):
    res = wrapper.run("init", state="missing")
    assert res.returncode == 0, res.stderr
    wrapper.assert_no_secret_on_a_command_line()
    install, shell = wrapper.calls("odoo")
    assert install[1] == [
        "-d",
        "community",
        "-i",
        MODULES,
        "--load-language=zh_CN",
        "--without-demo=all",
        "--stop-after-init",
        "--no-http",
    ]
    assert shell[1] == ["shell", "-d", "community", "--no-http"]
    assert not list(wrapper.tmp.glob("odoo-conf.*")), "the configuration copy is left behind"
    assert "INIT_ADMIN_PASSWORD" not in install[2]
    assert shell[2]["INIT_ADMIN_PASSWORD"] == ADMIN_PASSWORD
    assert shell[2]["ODOO_COMPANY_NAME"] == "桂城街道办事处"
    script = shell[3].with_suffix(".stdin").read_text()
    assert script == (DOCKER / "init_admin.py").read_text()
    compile(script, "init_admin.py", "exec")
    assert '"lang": LANG' in script and 'LANG = "zh_CN"' in script


def test_init_refuses_and_cleans_up(wrapper):
    assert wrapper.run("init", state="ready").returncode == 1
    weak = {"INIT_ADMIN_PASSWORD": "admin"}
    assert wrapper.run("init", state="missing", env=weak).returncode == 1
    assert wrapper.run("init", state="missing", env={"ODOO_COMPANY_NAME": ""}).returncode == 1
    assert not wrapper.calls("odoo")
    # a failed install leaves no database answering to admin/admin
    res = wrapper.run("init", state="missing", env={"STUB_ODOO_EXIT": "1"})
    assert res.returncode == 1
    [(_, argv, _env, _)] = wrapper.calls("dropdb")
    assert argv == ["--force", "--if-exists", "community"]


def test_upgrade_backs_up_first(wrapper):
    (wrapper.tmp / "data" / "filestore" / "community" / "ab").mkdir(parents=True)
    (wrapper.tmp / "data" / "filestore" / "community" / "ab" / "abcd").write_text("file")
    res = wrapper.run("upgrade")
    assert res.returncode == 0, res.stderr
    wrapper.assert_no_secret_on_a_command_line()
    tools = [c[0] for c in wrapper.calls() if c[0] != "python3"]
    assert tools == ["pg_dump", "odoo"]
    pg_dump, odoo = (c for c in wrapper.calls() if c[0] != "python3")
    assert pg_dump[2]["PGPASSWORD"] == PASSWORD
    assert "--format=custom" in pg_dump[1] and pg_dump[1][-1] == "community"
    assert odoo[1] == ["-d", "community", "-u", MODULES, "--stop-after-init", "--no-http"]
    [backup] = (wrapper.tmp / "backups").iterdir()
    assert re.fullmatch(r"community-\d{8}T\d{6}Z", backup.name)
    assert (backup / "db.dump").is_file()
    listing = subprocess.run(
        ["tar", "tzf", backup / "filestore.tar.gz"], capture_output=True, text=True
    ).stdout
    assert "community/ab/abcd" in listing
    for path in (backup, backup / "db.dump", backup / "filestore.tar.gz"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def test_restore_creates_the_database_from_the_dump(wrapper):
    wrapper.run("backup")
    [backup] = (wrapper.tmp / "backups").iterdir()
    for f in wrapper.log.iterdir():
        f.unlink()
    # the database exists: refused without --replace
    assert wrapper.run("restore", backup.name).returncode == 1
    res = wrapper.run("restore", backup.name, state="missing")
    assert res.returncode == 0, res.stderr
    restore = [c for c in wrapper.calls("pg_restore") if c[1][0] != "--list"]
    [(_, argv, env, _)] = restore
    assert argv[:4] == ["--create", "--no-owner", "--exit-on-error", "--dbname=postgres"]
    assert env["PGPASSWORD"] == PASSWORD
    # a dump of another database is refused
    res = wrapper.run("restore", backup.name, state="missing", env={"STUB_DUMP_DB": "other"})
    assert res.returncode == 1
