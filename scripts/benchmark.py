#!/usr/bin/env python3
"""Benchmarks of every role's main screens on a generated city (not a test).

    .venv/bin/python scripts/benchmark.py [--db city] [--conf .local/odoo.conf] [--runs 5]

Run scripts/generate_city.py first (`make bench` does both). Each screen is
timed server-side through the ORM call the web client makes for it
(`web_search_read`, `web_read_group`, `read_group`, `load`), as a user of
the real role, so that record rules apply; the median of --runs warm runs
(after one untimed run), the caches of records emptied before each run.
Where a raw SQL query computes the same figures on the same rows, its median
is the "floor" the goal compares with.

It creates (once, committed) the benchmark users: a grid worker leading the
first grid, staff of the first community, managers of the first street and of
the first district, and a portal user for the first volunteer. It prints one
table and writes it as JSON to .local/benchmark-<db>.json.
"""

import argparse
import datetime
import json
import platform
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPEN_STATES = ["new", "accepted", "whistled", "waiting"]

EVENT_LIST = {
    "priority": {},
    "name": {},
    "title": {},
    "category_id": {"fields": {"display_name": {}}},
    "community_id": {"fields": {"display_name": {}}},
    "grid_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "deadline": {},
    "sla_state": {},
    "state": {},
}
EVENT_CARD = {
    "name": {},
    "title": {},
    "priority": {},
    "state": {},
    "color": {},
    "deadline": {},
    "category_id": {"fields": {"display_name": {}}},
    "grid_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "activity_ids": {},
}
RESIDENT_LIST = {
    "name": {},
    "household_id": {"fields": {"display_name": {}}},
    "household_relation": {},
    "id_number_masked": {},
    "birth_date": {},
    "gender": {},
    "phone_masked": {},
    "grid_id": {"fields": {"display_name": {}}},
}
LEDGER_PAGE = {
    "date": {},
    "name": {},
    "kind": {},
    "points": {},
    "expiry_date": {},
    "team_id": {"fields": {"display_name": {}}},
}


def timed(func, runs):
    func()  # warm
    durations = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations), result


def ensure_users(env):
    """The benchmark users, created once and committed."""
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
    Area = env["community.area"]
    community = Area.search([("area_type", "=", "community")], order="id", limit=1)
    street = community.street_id
    district = community.district_id
    grid = env["community.grid"].search([("community_id", "=", community.id)], order="id", limit=1)

    def user(login, groups, areas=None):
        found = Users.search([("login", "=", login)])
        if found:
            return found
        return Users.create(
            {
                "name": login,
                "login": login,
                "groups_id": [(6, 0, [env.ref(g).id for g in groups])],
                "community_area_ids": [(6, 0, areas.ids)] if areas else [],
            }
        )

    worker = user("bench_gridworker", ["community_grid.group_grid_worker"], community)
    if grid.leader_id != worker:
        grid.write({"leader_id": worker.id, "worker_ids": [(4, worker.id)]})
    staff = user("bench_staff", ["community_grid.group_community_staff"], community)
    street_mgr = user("bench_street", ["community_grid.group_street_manager"], street)
    district_mgr = user("bench_district", ["community_grid.group_street_manager"], district)
    profile = env["volunteer.profile"].search([("community_id", "=", community.id)], limit=1)
    portal = Users.search([("login", "=", "bench_volunteer")])
    if not portal:
        portal = Users.create(
            {
                "name": profile.partner_id.name,
                "login": "bench_volunteer",
                "partner_id": profile.partner_id.id,
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
            }
        )
    env.cr.commit()
    return {
        "community": community,
        "street": street,
        "district": district,
        "grid": grid,
        "worker": worker,
        "staff": staff,
        "street_mgr": street_mgr,
        "district_mgr": district_mgr,
        "portal": portal,
        "profile": profile,
    }


def screens(env, ctx):
    cr = env.cr
    u = ctx

    def orm(user, func):
        def run():
            env.invalidate_all()
            return func(env(user=user.id, context={"lang": lang, "tz": "Asia/Shanghai"}))

        return run

    def sql(query, params):
        def run():
            cr.execute(query, params)
            return cr.fetchall()

        return run

    grid, community = u["grid"], u["community"]
    lang = "zh_CN" if env["res.lang"]._lang_get("zh_CN") else "en_US"
    out = []

    # grid worker ---------------------------------------------------------
    out.append(
        (
            "grid worker",
            "own grid's open events (list: 80 rows + count)",
            ("ms", 100),
            orm(
                u["worker"],
                lambda e: e["community.event"].web_search_read(
                    [("state", "in", OPEN_STATES)], EVENT_LIST, limit=80, count_limit=10001
                ),
            ),
            sql(
                """SELECT e.id, e.priority, e.name, e.title, c.name, a.name, g.name, e.deadline,
                          e.state, (SELECT count(*) FROM community_event
                                     WHERE grid_id = %(g)s AND state = ANY(%(s)s))
                     FROM community_event e
                     JOIN community_event_category c ON c.id = e.category_id
                     JOIN community_area a ON a.id = e.community_id
                     JOIN community_grid g ON g.id = e.grid_id
                    WHERE e.grid_id = %(g)s AND e.state = ANY(%(s)s)
                 ORDER BY e.priority DESC, e.date_reported DESC, e.id DESC LIMIT 80""",
                {"g": grid.id, "s": OPEN_STATES},
            ),
        )
    )
    out.append(
        (
            "grid worker",
            "own grid's residents (list: 80 rows + count)",
            ("ms", 100),
            orm(
                u["worker"],
                lambda e: e["res.partner"].web_search_read(
                    [("is_resident", "=", True)], RESIDENT_LIST, limit=80, count_limit=10001
                ),
            ),
            sql(
                """SELECT p.id, p.name, h.name, p.household_relation, p.id_number, p.birth_date,
                          p.gender, p.phone, g.name,
                          (SELECT count(*) FROM res_partner WHERE grid_id = %(g)s
                              AND is_resident AND active)
                     FROM res_partner p
                     JOIN community_household h ON h.id = p.household_id
                     JOIN community_grid g ON g.id = p.grid_id
                    WHERE p.grid_id = %(g)s AND p.is_resident AND p.active
                 ORDER BY p.complete_name, p.id LIMIT 80""",
                {"g": grid.id},
            ),
        )
    )

    # community staff -----------------------------------------------------
    def kanban(e):
        Event = e["community.event"]
        groups = Event.web_read_group([], ["state"], ["state"], lazy=True)
        cards = Event.web_search_read([], EVENT_CARD, limit=80)
        return groups, cards

    out.append(
        (
            "community staff",
            "community's events kanban (counts per column + 80 cards)",
            ("ms", 150),
            orm(u["staff"], kanban),
            sql(
                """SELECT state, count(*) FROM community_event WHERE community_id = %(c)s
                   GROUP BY state""",
                {"c": community.id},
            ),
        )
    )

    # managers ------------------------------------------------------------
    for role, area, key in (
        ("street manager", u["street"], "street_mgr"),
        ("district manager", u["district"], "district_mgr"),
    ):
        where = "street_id = %(a)s" if area.area_type == "street" else "street_id = ANY(%(s)s)"
        params = {"a": area.id, "s": area.search([("parent_id", "=", area.id)]).ids}
        user = u[key]
        out.append(
            (
                role,
                "pivot: events by community × stage",
                ("floor", 1.5, 1000),
                orm(
                    user,
                    lambda e: e["community.event"].read_group(
                        [], ["__count"], ["community_id", "state"], lazy=False
                    ),
                ),
                sql(
                    f"""SELECT community_id, state, count(*) FROM community_event
                        WHERE {where} GROUP BY 1, 2""",
                    params,
                ),
            )
        )
        out.append(
            (
                role,
                "league of communities (event league view)",
                ("floor", 1.5, 1000),
                orm(
                    user,
                    lambda e: e["community.event.league"].web_search_read(
                        [],
                        {
                            "community_id": {"fields": {"display_name": {}}},
                            "event_count": {},
                            "open_count": {},
                            "overdue_count": {},
                            "on_time_rate": {},
                            "avg_rating": {},
                        },
                        limit=80,
                    ),
                ),
                sql(
                    f"""SELECT community_id, count(*),
                               count(*) FILTER (WHERE state = ANY(%(o)s)),
                               count(*) FILTER (WHERE state = ANY(%(o)s) AND deadline < now()),
                               avg(on_time_rate) FILTER (WHERE date_handled IS NOT NULL),
                               avg(rating) FILTER (WHERE rating > 0)
                          FROM community_event WHERE {where} GROUP BY community_id""",
                    {**params, "o": OPEN_STATES},
                ),
            )
        )
        out.append(
            (
                role,
                "mediation league (cases by community: count, success, days)",
                ("floor", 1.5, 1000),
                orm(
                    user,
                    lambda e: e["mediation.case"].read_group(
                        [],
                        ["__count", "success_rate:avg", "days_to_close:avg"],
                        ["community_id"],
                        lazy=False,
                    ),
                ),
                sql(
                    f"""SELECT community_id, count(*), avg(success_rate), avg(days_to_close)
                          FROM mediation_case WHERE active AND {where} GROUP BY 1""",
                    params,
                ),
            )
        )
        out.append(
            (
                role,
                "red-property compliance (committees by community × status)",
                ("floor", 1.5, 1000),
                orm(
                    user,
                    lambda e: e["owners.committee"].read_group(
                        [],
                        ["__count", "party_ratio:avg"],
                        ["community_id", "compliance_status"],
                        lazy=False,
                    ),
                ),
                sql(
                    f"""SELECT community_id, compliance_status, count(*), avg(party_ratio)
                          FROM owners_committee WHERE active AND {where} GROUP BY 1, 2""",
                    params,
                ),
            )
        )
        out.append(
            (
                role,
                "volunteer hours per community (confirmed)",
                ("floor", 1.5, 1000),
                orm(
                    user,
                    lambda e: e["volunteer.registration"].read_group(
                        [("hours_state", "=", "confirmed")],
                        ["hours:sum"],
                        ["community_id"],
                        lazy=False,
                    ),
                ),
                sql(
                    f"""SELECT community_id, sum(hours) FROM volunteer_registration
                         WHERE hours_state = 'confirmed' AND {where} GROUP BY 1""",
                    params,
                ),
            )
        )

    # volunteer (portal) --------------------------------------------------
    profile = u["profile"]
    out.append(
        (
            "volunteer (portal)",
            "points balance",
            ("ms", 5),
            orm(
                u["portal"],
                lambda e: e["volunteer.profile"]
                .search([("partner_id", "=", u["portal"].partner_id.id)], limit=1)
                .read(["points_balance"]),
            ),
            sql("SELECT points_balance FROM volunteer_profile WHERE id = %(p)s", {"p": profile.id}),
        )
    )
    out.append(
        (
            "volunteer (portal)",
            "points history, first page (80 lines + count)",
            ("ms", 50),
            orm(
                u["portal"],
                lambda e: e["volunteer.point.line"].web_search_read(
                    [("profile_id", "=", profile.id)], LEDGER_PAGE, limit=80, count_limit=10001
                ),
            ),
            sql(
                """WITH l AS MATERIALIZED (
                        SELECT * FROM volunteer_point_line WHERE profile_id = %(p)s)
                   SELECT l.id, l.date, l.name, l.kind, l.points, l.expiry_date, t.name,
                          (SELECT count(*) FROM l)
                     FROM l LEFT JOIN volunteer_team t ON t.id = l.team_id
                 ORDER BY l.date DESC, l.id DESC LIMIT 80""",
                {"p": profile.id},
            ),
        )
    )
    return out


def import_rate(env, ctx, rows=1000):
    """Residents imported through `load` (the import dialog's call) by staff,
    each ID number checked; rolled back. Returns rows per second."""
    from stdnum.cn import ric

    staff = ctx["staff"]
    households = env["community.household"].search(
        [("community_id", "=", ctx["community"].id)], limit=rows
    )
    data = []
    for i in range(rows):
        birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=i)
        body = f"110101{birth:%Y%m%d}501"  # region 110101: none in the generated city
        number = body + ric.calc_check_digit(body + "0")
        data.append(
            [
                f"导入居民{i}",
                number,
                str(households[i % len(households)].id),
                "other",
                "13900000000",
            ]
        )
    fields = ["name", "id_number", "household_id/.id", "household_relation", "phone"]
    Partner = env(user=staff.id, context={})["res.partner"]
    with env.cr.savepoint() as savepoint:
        start = time.perf_counter()
        result = Partner.load(fields, data)
        env.flush_all()
        seconds = time.perf_counter() - start
        savepoint.rollback()
    env.invalidate_all()
    errors = [m for m in result["messages"] if m.get("type") == "error"]
    if errors or len(result["ids"] or []) != rows:
        raise RuntimeError(f"import failed: {errors[:3]}")
    return rows / seconds


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="city")
    parser.add_argument("--conf", default=str(ROOT / ".local" / "odoo.conf"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--label", default="", help="a label for the JSON (e.g. before/after)")
    args = parser.parse_args()

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", args.conf, "--log-level=warn"])
    registry = Registry(args.db)
    results = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        ctx = ensure_users(env)
        cr.execute("SELECT count(*) FROM community_event")
        events = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM res_partner WHERE is_resident")
        residents = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM volunteer_point_line")
        lines = cr.fetchone()[0]
        print(
            f"{args.db}: {residents:,d} residents, {events:,d} events, {lines:,d} ledger lines; "
            f"median of {args.runs} warm runs",
            flush=True,
        )
        header = f"{'role':20s} {'screen':62s} {'ORM ms':>8s} {'SQL ms':>8s} {'goal':>16s}  ok"
        print(header)
        print("-" * len(header))
        for role, screen, goal, orm_func, sql_func in screens(env, ctx):
            orm_ms, _res = timed(orm_func, args.runs)
            sql_ms, _res = timed(sql_func, args.runs) if sql_func else (None, None)
            if goal[0] == "ms":
                ok = orm_ms <= goal[1]
                goal_text = f"≤ {goal[1]} ms"
            else:
                ok = orm_ms <= goal[1] * sql_ms and orm_ms <= goal[2]
                goal_text = f"≤ {goal[1]}×SQL, ≤ {goal[2]} ms"
            print(
                f"{role:20s} {screen:62s} {orm_ms:8.1f} {sql_ms:8.1f} {goal_text:>16s}  "
                f"{'yes' if ok else 'NO'}",
                flush=True,
            )
            results.append(
                {
                    "role": role,
                    "screen": screen,
                    "orm_ms": round(orm_ms, 2),
                    "sql_ms": round(sql_ms, 2) if sql_ms is not None else None,
                    "goal": goal_text,
                    "ok": ok,
                }
            )
        rate = import_rate(env, ctx)
        ok = rate >= 1000
        print(
            f"{'community staff':20s} {'resident import (load, 1,000 rows, ID checks)':62s} "
            f"{rate:8.0f} {'rows/s':>8s} {'≥ 1000 rows/s':>16s}  {'yes' if ok else 'NO'}",
            flush=True,
        )
        results.append(
            {
                "role": "community staff",
                "screen": "resident import (load, 1,000 rows, ID checks)",
                "rows_per_s": round(rate),
                "goal": "≥ 1000 rows/s",
                "ok": ok,
            }
        )
        cr.rollback()
    out = ROOT / ".local" / f"benchmark-{args.db}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "label": args.label,
                "db": args.db,
                "residents": residents,
                "events": events,
                "ledger_lines": lines,
                "machine": f"{platform.node()} {platform.machine()}",
                "results": results,
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    print(f"written to {out}")


if __name__ == "__main__":
    main()
