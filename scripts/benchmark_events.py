#!/usr/bin/env python3
"""Benchmark of the grid event register at community scale (not a test).

    .venv/bin/python scripts/benchmark_events.py [--grids 50 --households 20000
        --residents 60000 --events 50000] [--keep]

Creates a database `community_bench` with community_grid (no demo data),
fills it in bulk with SQL (the ORM is for users, not for loading 100 000
rows), then prints how long these take, each the median of 5 runs:

- a grid worker's event list (the first page and its count, record rules on);
- the manager's pivot aggregate: events by community × category × stage with
  on-time rate, handling time and satisfaction, through the ORM (`_read_group`);
- the same aggregate in raw SQL, for comparison;
- the league table of communities (a SQL view).

Run `make run` or `make test` once first: it uses .local/test.conf for the
database connection.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = "community_bench"


def timed(func, runs=5):
    durations = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations), result


def create_database(conf):
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "venvtools.py", "drop-db", conf, DB], check=True
    )
    subprocess.run(
        [sys.executable, "-m", "odoo", "-c", conf, "-d", DB, "-i", "community_grid",
         "--without-demo=all", "--stop-after-init", "--log-level=warn"],
        check=True,
    )


def fill(env, args):
    cr = env.cr
    Area = env["community.area"]
    district = Area.create({"name": "基准区", "area_type": "district"})
    street = Area.create({"name": "基准街道", "area_type": "street", "parent_id": district.id})
    communities = Area.create(
        [{"name": f"基准社区{i}", "area_type": "community", "parent_id": street.id} for i in range(5)]
    )
    estates = Area.create(
        [
            {"name": f"小区{i}", "area_type": "estate", "parent_id": communities[i % 5].id}
            for i in range(args.grids)
        ]
    )
    group = env.ref("community_grid.group_grid_worker")
    workers = env["res.users"].create(
        [
            {"name": f"网格员{i}", "login": f"bench_worker_{i}", "groups_id": [(6, 0, group.ids)]}
            for i in range(args.grids)
        ]
    )
    grids = env["community.grid"].create(
        [
            {
                "name": f"第{i}网格",
                "community_id": estates[i].community_id.id,
                "leader_id": workers[i].id,
                "worker_ids": [(6, 0, workers[i].ids)],
            }
            for i in range(args.grids)
        ]
    )
    buildings = env["community.building"].create(
        [
            {"name": f"{b}栋", "estate_id": estates[g].id, "grid_id": grids[g].id}
            for g in range(args.grids)
            for b in range(20)
        ]
    )
    env.flush_all()
    cr.execute(
        """
        INSERT INTO community_household (name, building_id, room, grid_id, estate_id, community_id,
                                         street_id, member_count, active, create_date, write_date)
        SELECT b.name || '-' || n, b.id, n::text, b.grid_id, b.estate_id, b.community_id, b.street_id,
               3, true, now(), now()
          FROM generate_series(1, %s) n
          JOIN community_building b ON b.id = (SELECT id FROM community_building
                                               ORDER BY id OFFSET (n %% %s) LIMIT 1)
        """,
        [args.households, len(buildings)],
    )
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, is_resident, household_id, grid_id,
                                 resident_community_id, resident_street_id, active, type,
                                 is_company, create_date, write_date)
        SELECT '居民' || n, '居民' || n, true, h.id, h.grid_id, h.community_id, h.street_id, true,
               'contact', false, now(), now()
          FROM generate_series(1, %s) n
          JOIN community_household h ON h.id = (SELECT min(id) FROM community_household) + (n %% %s)
        """,
        [args.residents, args.households],
    )
    categories = env["community.event.category"].search([]).ids
    cr.execute(
        """
        INSERT INTO community_event (name, title, description, category_id, community_id, street_id,
                                     grid_id, state, reporter_type, priority, date_reported,
                                     deadline, on_time_rate, handling_hours, rating, reopen_count,
                                     problem_case, date_handled, create_date, write_date)
        SELECT 'BENCH' || n, '事件' || n, '基准测试事件', (%s::int[])[1 + n %% %s], g.community_id,
               g.street_id, g.id,
               (ARRAY['new', 'accepted', 'whistled', 'waiting', 'handled', 'closed'])[1 + n %% 6],
               'grid_worker', '0', now() - (n %% 365) * interval '1 day',
               now() - (n %% 365) * interval '1 day' + interval '3 days',
               CASE WHEN n %% 6 >= 4 THEN (CASE WHEN n %% 5 = 0 THEN 0 ELSE 100 END) END,
               CASE WHEN n %% 6 >= 4 THEN 10 + n %% 90 END,
               CASE WHEN n %% 6 = 5 THEN 1 + n %% 5 END,
               0, false,
               CASE WHEN n %% 6 >= 4 THEN now() - (n %% 365) * interval '1 day' + interval '2 days' END,
               now(), now()
          FROM generate_series(1, %s) n
          JOIN community_grid g ON g.id = (SELECT min(id) FROM community_grid) + (n %% %s)
        """,
        [categories, len(categories), args.events, args.grids],
    )
    cr.execute("ANALYZE")
    env.invalidate_all()
    return workers[0], street


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--grids", type=int, default=50)
    parser.add_argument("--households", type=int, default=20000)
    parser.add_argument("--residents", type=int, default=60000)
    parser.add_argument("--events", type=int, default=50000)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    conf = str(ROOT / ".local" / "test.conf")
    print(f"creating {DB} …", flush=True)
    create_database(conf)

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", conf, "--log-level=warn"])
    registry = Registry(DB)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        start = time.perf_counter()
        worker, street = fill(env, args)
        print(
            f"filled {args.grids} grids, {args.households} households, {args.residents} residents, "
            f"{args.events} events in {time.perf_counter() - start:.1f} s",
            flush=True,
        )
        manager = env["res.users"].create(
            {
                "name": "基准管理员",
                "login": "bench_manager",
                "groups_id": [(6, 0, env.ref("community_grid.group_street_manager").ids)],
                "community_area_ids": [(6, 0, street.ids)],
            }
        )
        env.flush_all()

        def worker_list():
            Event = env["community.event"].with_user(worker)
            env.invalidate_all()
            rows = Event.search_read([], ["name", "title", "state", "deadline", "grid_id"], limit=80)
            return len(rows), Event.search_count([])

        def orm_pivot():
            env.invalidate_all()
            return env["community.event"].with_user(manager)._read_group(
                [], ["community_id", "category_id", "state"],
                ["__count", "on_time_rate:avg", "handling_hours:avg", "rating:avg"],
            )

        def sql_pivot():
            cr.execute(
                """SELECT community_id, category_id, state, count(*), avg(on_time_rate),
                          avg(handling_hours), avg(rating)
                     FROM community_event GROUP BY community_id, category_id, state"""
            )
            return cr.fetchall()

        def league():
            env.invalidate_all()
            return env["community.event.league"].with_user(manager).search_read([], ["event_count"])

        for label, func in [
            ("grid worker's event list (80 rows + count)", worker_list),
            ("manager pivot through the ORM (_read_group + rules)", orm_pivot),
            ("same aggregate in raw SQL", sql_pivot),
            ("league table of communities", league),
        ]:
            ms, result = timed(func)
            size = result if isinstance(result, tuple) else len(result)
            print(f"{label:55s} {ms:8.1f} ms   ({size})", flush=True)
        cr.rollback()
    if not args.keep:
        registry.delete(DB)
        subprocess.run([sys.executable, ROOT / "scripts" / "venvtools.py", "drop-db", conf, DB], check=True)


if __name__ == "__main__":
    main()
