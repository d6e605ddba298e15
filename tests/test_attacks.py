"""The attack catalogue: against the real server started as `make run` starts
it, on the demo database, each demo role tries what a forger with the web
client's own JSON-RPC would try. Every attack must be refused and change
nothing; the test prints one line per attack.

Run by `make test` (system suite); `pytest -s tests/test_attacks.py` shows the
lines.
"""

import json
import re

import pytest
import requests
from conftest import running_server

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TEMPTING = {"volunteer_ledger_post": True, "volunteer_redeem": True, "install_mode": True}


def demo_password(login):
    """README's demo passwords: the login, ``-demo`` added below 10 characters."""
    return login if login == "admin" or len(login) >= 10 else f"{login}-demo"


class Refused(Exception):
    pass


class Client:
    def __init__(self, base, login):
        self.base = base
        self.login = login
        self.session = requests.Session()
        page = self.session.get(f"{base}/web/login", timeout=180)
        token = CSRF.search(page.text).group(1)
        resp = self.session.post(
            f"{base}/web/login",
            data={"login": login, "password": demo_password(login), "csrf_token": token},
            timeout=180,
        )
        assert resp.status_code == 200, f"{login} cannot log in"

    def call(self, model, method, *args, context=None, **kwargs):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": {**kwargs, "context": context or {}},
            },
        }
        resp = self.session.post(
            f"{self.base}/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
            timeout=180,
        )
        assert resp.status_code == 200, f"{model}.{method} answered {resp.status_code}"
        body = resp.json()
        if "error" in body:
            raise Refused(body["error"]["data"].get("message", ""))
        return body["result"]


@pytest.fixture(scope="module")
def attack_server(test_conf):
    """The server as `make run` starts it, in its own log file. Odoo logs every
    refused RPC call as a WARNING of ``odoo.http``: here each refusal is the
    expected outcome, so that logger alone is raised to ERROR (anything else
    still fails the run's log check, and an unexpected 500 still logs an
    ERROR)."""
    with running_server(
        test_conf, "test-server-attacks.log", ["--log-handler=odoo.http:ERROR"]
    ) as base:
        yield base


@pytest.fixture(scope="module")
def clients(attack_server):
    server = attack_server
    cache = {}

    def get(login):
        if login not in cache:
            cache[login] = Client(server, login)
        return cache[login]

    return get


def ref(admin, xmlid):
    module, name = xmlid.split(".")
    return admin.call("ir.model.data", "check_object_reference", module, name)[1]


REPORT = []


def refused(label, attack, check_unchanged=None):
    """Run ``attack``; it must raise Refused (or be proven harmless by
    ``check_unchanged``). Prints the line of the catalogue."""
    try:
        attack()
    except Refused as exc:
        line = f"refused  {label}  ({str(exc).splitlines()[0][:80]})"
    else:
        line = f"ALLOWED  {label}"
    if check_unchanged is not None:
        assert check_unchanged(), f"{label}: the data changed"
    REPORT.append(line)
    print(line)
    assert line.startswith("refused"), line


def test_attack_catalogue(clients, attack_server):
    server = attack_server
    admin = clients("admin")
    worker = clients("gridworker")
    # an event of the grid worker's own grid: write access, and still refused
    event = worker.call("community.event", "search", [], limit=1, order="id")[0]
    handled = ref(admin, "community_grid.event_handled_demo")

    def event_values(fields):
        return admin.call("community.event", "read", [event], fields)[0]

    before = event_values(["deadline", "rating", "supervised", "reopen_count", "state"])

    # 1. residents' personal data, need-to-know
    all_residents = admin.call("res.partner", "search_count", [("is_resident", "=", True)])
    for login in ("department", "teamleader", "volmediator", "partyworker"):
        rows = clients(login).call(
            "res.partner", "search_read", [("is_resident", "=", True)], ["name", "phone"]
        )
        label = f"{login}: search_read every resident with phones"
        line = f"refused  {label}  (sees {len(rows)} of {all_residents})"
        REPORT.append(line)
        print(line)
        assert len(rows) < all_residents, label
        if login == "department":
            assert all("*" in (row["phone"] or "*") for row in rows), "department sees phones"
        with pytest.raises(Refused):
            clients(login).call(
                "res.partner", "search_read", [("is_resident", "=", True)], ["resident_tag_ids"]
            )

    # 2. a grid worker forges the figures of its own event
    for field, value in (
        ("deadline", "2099-01-01 00:00:00"),
        ("rating", 5),
        ("supervised", False),
        ("reopen_count", 0),
        ("state", "closed"),
    ):
        for context in ({}, TEMPTING):
            refused(
                f"gridworker: write community.event.{field} (context {sorted(context)})",
                lambda f=field, v=value, c=context: worker.call(
                    "community.event", "write", [event], {f: v}, context=c
                ),
            )
    after = event_values(list(before))
    # the server's own 督办 cron may flag the overdue event meanwhile: that is
    # not the forger's doing; every other value is as it was
    after.pop("supervised")
    before.pop("supervised")
    assert after == before

    # 3. a department re-links its task to an event it cannot see
    department = clients("department")
    tasks = department.call("community.event.task", "search", [])
    visible_events = department.call("community.event", "search", [])
    hidden = admin.call("community.event", "search", [("id", "not in", visible_events)], limit=1)
    if tasks and hidden:
        refused(
            "department: write community.event.task.event_id to a foreign event",
            lambda: department.call(
                "community.event.task", "write", tasks[:1], {"event_id": hidden[0]}
            ),
        )
        refused(
            "department: read the foreign event",
            lambda: department.call("community.event", "read", hidden, ["title"]),
        )

    # 4. points and hours
    for login in ("gridworker", "staff"):
        # a profile the role can read (and, for staff, edit)
        profiles = clients(login).call("volunteer.profile", "search", [], limit=1)
        assert profiles, f"{login} sees no volunteer profile"
        for field, value in (("points_balance", 99999), ("hours_initial", 5000), ("star_level", 5)):
            refused(
                f"{login}: write volunteer.profile.{field} with volunteer_ledger_post",
                lambda lg=login, f=field, v=value, p=profiles: clients(lg).call(
                    "volunteer.profile", "write", p, {f: v}, context=TEMPTING
                ),
            )
    refused(
        "staff: create a points ledger line",
        lambda: clients("staff").call(
            "volunteer.point.line",
            "create",
            [{"profile_id": profiles[0], "points": 500, "kind": "bonus", "name": "x"}],
            context=TEMPTING,
        ),
    )

    # 5. an issued agreement back to draft
    agreements = admin.call("mediation.agreement", "search", [("state", "=", "issued")], limit=1)
    if agreements:
        for login in ("mediator", "specialist"):
            refused(
                f"{login}: write mediation.agreement.state = draft",
                lambda lg=login: clients(lg).call(
                    "mediation.agreement", "write", agreements, {"state": "draft"}
                ),
            )

    # 6. a portal party reads the case's internal fields
    resident = clients("resident")
    cases = resident.call("mediation.case", "search", [])
    if cases:
        for field in ("risk_level", "follow_up_note", "escalation_reason"):
            refused(
                f"resident: read mediation.case.{field} of own case",
                lambda f=field: resident.call("mediation.case", "read", cases, [f]),
            )

    # 7. someone who can read an event rates it
    refused(
        "staff: action_rate(5) on a resident's handled event",
        lambda: clients("staff").call("community.event", "action_rate", [handled], 5),
    )

    # 8. a grid worker files an event in a grid that is not theirs
    other_grid = admin.call(
        "community.grid", "search", [("id", "not in", worker.call("community.grid", "search", []))]
    )
    category = admin.call("community.event.category", "search", [], limit=1)
    if other_grid:
        refused(
            "gridworker: create an event in another grid",
            lambda: worker.call(
                "community.event",
                "create",
                [
                    {
                        "title": "伪造",
                        "description": "伪造",
                        "category_id": category[0],
                        "grid_id": other_grid[0],
                    }
                ],
            ),
        )

    # 9. a malformed portal parameter answers a page, not a 500
    form = resident.session.get(f"{server}/my/events/new", timeout=60)
    resp = resident.session.post(
        f"{server}/my/events/new",
        data={"category_id": "abc", "csrf_token": CSRF.search(form.text).group(1)},
        timeout=180,
    )
    verdict = "refused" if resp.status_code < 500 else "ALLOWED"
    line = f"{verdict}  resident: /my/events/new with category_id=abc (HTTP {resp.status_code})"
    REPORT.append(line)
    print(line)
    assert resp.status_code < 500

    # 10. a Windows executable sent as a JPEG photo
    category_ids = resident.call("community.event.category", "search", [], limit=1)
    events_before = resident.call("community.event", "search_count", [])
    form = resident.session.get(f"{server}/my/events/new", timeout=180)
    resp = resident.session.post(
        f"{server}/my/events/new",
        data={
            "csrf_token": CSRF.search(form.text).group(1),
            "category_id": str(category_ids[0]) if category_ids else "",
            "title": "恶意附件",
            "description": "伪装成照片的程序",
            "where": "grid",
        },
        files={"photos": ("a.jpg", b"MZ\x90\x00" + b"\x00" * 200, "image/jpeg")},
        timeout=180,
    )
    stored = resident.call("community.event", "search_count", []) - events_before
    verdict = "refused" if resp.status_code < 500 and not stored else "ALLOWED"
    line = f"{verdict}  resident: an executable as a.jpg event photo (HTTP {resp.status_code})"
    REPORT.append(line)
    print(line)
    assert verdict == "refused", line

    # 11. a context default opens nothing
    created = worker.call(
        "community.event",
        "create",
        [
            {
                "title": "上下文伪造",
                "description": "default_state",
                "category_id": category[0],
                "grid_id": worker.call("community.grid", "search", [], limit=1)[0],
            }
        ],
        context={"default_state": "closed", "default_rating": 5},
    )
    values = admin.call("community.event", "read", created, ["state", "rating"])[0]
    verdict = "refused" if values["state"] == "new" and not values["rating"] else "ALLOWED"
    line = f"{verdict}  gridworker: create an event with context default_state=closed"
    REPORT.append(line)
    print(line)
    assert verdict == "refused", line

    print(f"\n{len(REPORT)} attacks, {sum(line.startswith('refused') for line in REPORT)} refused")
