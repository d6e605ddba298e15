#!/usr/bin/env python3
"""The resident portal under load, against stock Odoo's /my (not a test).

    .venv/bin/python scripts/portal_load.py [--db city] [--stock-db portal_stock]
        [--users 200] [--threads 8] [--duration 56] [--workers 2,4]

On a generated city (scripts/generate_city.py): gives --users residents who
reported an event a portal login (once, committed), creates --stock-db with
only `portal` installed and as many portal users (once), then for each
--workers value starts one Odoo server (127.0.0.1 only, prefork workers,
serving both databases), gives every resident a logged-in session (written
into Odoo's session store, not timed), and --threads
client threads request one page at a time as fast as the server answers
(closed loop), with the next resident's session for each request: stock
Odoo's /my (stock users), /my, /my/events, the resident's event page,
/my/volunteer, /my/mediation, /my/topics, stock /my again, --duration / 8
seconds each. It reports requests per second and p50/p99 per page, and
writes .local/portal-<db>.json.

The client is this script's threads (requests) rather than locust, which
would bring its own gevent requirement into the virtualenv Odoo runs in; the
client shares the machine's cores with the server, and the figures include
that.
"""

import argparse
import configparser
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/my", "/my/events", "EVENT", "/my/volunteer", "/my/mediation", "/my/topics"]


_CONFIGURED = []


def odoo_env(conf, db):
    import odoo
    from odoo.modules.registry import Registry

    if not _CONFIGURED:
        odoo.tools.config.parse_config(["-c", conf, "--log-level=warn"])
        _CONFIGURED.append(conf)
    return Registry(db)


def ensure_residents(registry, count):
    """(login, event id) of `count` portal residents who reported an event."""
    import odoo

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        cr.execute(
            """SELECT DISTINCT ON (e.reporter_id) e.reporter_id, e.id
                 FROM community_event e
                 JOIN volunteer_profile v ON v.partner_id = e.reporter_id
                WHERE e.reporter_id IS NOT NULL
             ORDER BY e.reporter_id, e.id LIMIT %s""",
            [count],
        )
        rows = cr.fetchall()
        portal = env.ref("base.group_portal")
        Users = env["res.users"].with_context(no_reset_password=True)
        result = []
        for i, (partner_id, event_id) in enumerate(rows):
            login = f"bench_portal_{i}"
            if not Users.search_count([("login", "=", login)]):
                Users.create(
                    {"login": login, "partner_id": partner_id, "groups_id": [(6, 0, portal.ids)]}
                )
            result.append((login, event_id))
        env.flush_all()
        cr.commit()
    return result


def ensure_stock(conf, db, count):
    import odoo
    from odoo.service import db as db_service

    if db not in db_service.list_dbs(force=True):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "odoo",
                "-c",
                conf,
                "-d",
                db,
                "-i",
                "portal",
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
            ],
            check=True,
        )
    registry = odoo_env(conf, db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Users = env["res.users"].with_context(no_reset_password=True)
        portal = env.ref("base.group_portal")
        for i in range(count):
            login = f"bench_portal_{i}"
            if not Users.search_count([("login", "=", login)]):
                Users.create(
                    {"name": f"Stock {i}", "login": login, "groups_id": [(6, 0, portal.ids)]}
                )
        env.flush_all()
        cr.commit()


def make_sessions(conf, db, logins):
    """Logged-in sessions written straight into Odoo's session store (what
    /web/login's finalize() stores): 400 logins through HTTP would spend
    minutes in password hashing (600,000 pbkdf2 rounds each), which is not
    what this measures. Returns requests sessions carrying the cookies."""
    import odoo
    from odoo import http

    store = http.root.session_store
    sessions = []
    with odoo_env(conf, db).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        for login in logins:
            user = env["res.users"].search([("login", "=", login)])
            session = store.new()
            session.update(http.get_default_session())
            session.update(
                {
                    "db": db,
                    "login": login,
                    "uid": user.id,
                    "context": dict(env(user=user.id)["res.users"].context_get()),
                    "session_token": user.with_user(user)._compute_session_token(session.sid),
                }
            )
            store.save(session)
            client = requests.Session()
            client.cookies.set("session_id", session.sid)
            sessions.append(client)
        cr.commit()
    return sessions


def start_server(conf, dbs, workers, port, log):
    # odoo-bin, not `python -m odoo`: the prefork server re-executes its own
    # command line for the gevent (websocket) process
    odoo_bin = Path(os.environ.get("ODOO_PATH") or "/opt/odoo") / "odoo-bin"
    proc = subprocess.Popen(
        [
            sys.executable,
            odoo_bin,
            "-c",
            conf,
            f"--workers={workers}",
            "--max-cron-threads=0",
            f"--http-port={port}",
            f"--gevent-port={port + 1}",
            "--http-interface=127.0.0.1",
            f"--db-filter=^({'|'.join(dbs)})$",
            f"--logfile={log}",
            "--log-level=warn",
            "--limit-time-real=600",
            "--db_maxconn=8",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            if requests.get(f"{base}/web/health", timeout=10).status_code == 200:
                return proc, base
        except requests.RequestException:
            pass
        time.sleep(1)
    proc.terminate()
    raise RuntimeError(f"the server did not start; see {log}")


def hammer(base, sessions, url_for, threads, seconds):
    """Closed loop: `threads` clients request one page as fast as the server
    answers, each request with the next resident's session."""
    samples, errors = [], []
    lock = threading.Lock()
    counter = iter(range(10**9))
    stop = time.time() + seconds

    def worker():
        while time.time() < stop:
            i = next(counter)
            session, url = sessions[i % len(sessions)], url_for(i)
            t0 = time.perf_counter()
            resp = session.get(base + url, timeout=120, allow_redirects=False)
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                samples.append(ms)
                if resp.status_code != 200:
                    errors.append(f"{url}: {resp.status_code}")

    started = time.time()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.time() - started
    samples.sort()
    return {
        "requests": len(samples),
        "req_per_s": round(len(samples) / elapsed, 1),
        "p50_ms": round(statistics.median(samples), 1) if samples else None,
        "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 1)
        if samples
        else None,
    }, errors


def run_load(base, residents, stock, threads, duration):
    """Each page in turn, duration / 7 seconds each; stock /my first and last
    (their mean is the reference: the machine is shared and its load drifts)."""
    sessions = [s for s, _e in residents]
    events = [e for _s, e in residents]
    # the residents read the portal in Chinese: Odoo serves it under /zh_CN
    # (and redirects /my there), stock users in English under /my
    lang = "/zh_CN"
    per = max(2, duration // 8)
    plan = [("stock /my", stock, lambda i: "/my")]
    for page in PAGES:
        if page == "EVENT":
            plan.append(
                (
                    "/my/events/<id>",
                    sessions,
                    lambda i: f"{lang}/my/events/{events[i % len(events)]}",
                )
            )
        else:
            plan.append((page, sessions, lambda i, page=page: lang + page))
    plan.append(("stock /my (again)", stock, lambda i: "/my"))
    table, errors = {}, []
    for label, group, url_for in plan:
        row, errs = hammer(base, group, url_for, threads, per)
        table[label] = row
        errors += errs
    return table, errors


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="city")
    parser.add_argument("--stock-db", default="portal_stock")
    parser.add_argument("--conf", default=str(ROOT / ".local" / "odoo.conf"))
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--duration", type=int, default=56, help="seconds per configuration")
    parser.add_argument("--workers", default="2,4")
    parser.add_argument("--port", type=int, default=18469)
    args = parser.parse_args()
    if args.duration > 60:
        sys.exit("keep each configuration at 60 s or less")
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(args.conf)
    print("preparing portal users …", flush=True)
    residents = ensure_residents(odoo_env(args.conf, args.db), args.users)
    ensure_stock(args.conf, args.stock_db, args.users)
    results = {}
    sessions = stock = None
    for workers in [int(w) for w in args.workers.split(",")]:
        log = ROOT / ".local" / f"portal-load-{workers}.log"
        proc, base = start_server(args.conf, [args.db, args.stock_db], workers, args.port, log)
        try:
            if sessions is None:
                logins = [u for u, _e in residents]
                sessions = list(
                    zip(
                        make_sessions(args.conf, args.db, logins),
                        [e for _u, e in residents],
                        strict=True,
                    )
                )
                stock = make_sessions(args.conf, args.stock_db, logins)
            # one untimed walk to warm every worker's caches
            run_load(base, sessions[:8], stock[:8], 4, 5)
            table, errors = run_load(base, sessions, stock, args.threads, args.duration)
        finally:
            proc.terminate()
            proc.wait(timeout=60)
        stock_rate = (table["stock /my"]["req_per_s"] + table["stock /my (again)"]["req_per_s"]) / 2
        print(f"\nworkers={workers}, {args.threads} client threads, {args.duration} s")
        print(f"{'page':20s} {'req/s':>8s} {'p50 ms':>8s} {'p99 ms':>8s} {'vs stock /my':>13s}")
        for page, row in table.items():
            ratio = row["req_per_s"] / stock_rate if stock_rate else 0
            row["vs_stock"] = round(ratio, 2)
            print(
                f"{page:20s} {row['req_per_s']:8.1f} {row['p50_ms']:8.1f} {row['p99_ms']:8.1f} "
                f"{ratio:13.2f}"
            )
        if errors:
            print(f"{len(errors)} errors, e.g. {errors[:3]}")
        results[workers] = {"pages": table, "errors": len(errors)}
    out = ROOT / ".local" / f"portal-{args.db}.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
