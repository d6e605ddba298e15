#!/usr/bin/env python3
"""Fill a database with a generated city (not a test; issue 12).

    .venv/bin/python scripts/generate_city.py [--db city] [--scale 1.0] [--conf .local/odoo.conf]

The database must hold the four addons without demo data:

    odoo -c .local/odoo.conf -d city -i community_grid,community_party,\
community_mediation,community_volunteer --without-demo=all --stop-after-init

(`make bench` does that, then runs this script, then scripts/benchmark.py.)
It refuses a database that already holds residents, and the databases
`community` and `community_test`.

Sizes at --scale 1 (the issue's default; every count is multiplied by the
scale, the tree keeps its shape): 10 districts, 100 streets, 1,000
communities, 5,000 estates, 5,000 grids, 100,000 buildings, 400,000
households, 1,000,000 residents; 500,000 grid events with department tasks and
a history message each; 50,000 mediation cases with two parties and a session;
2,000 party organisations, 60,000 party members, 20,000 双报到 service logs,
5,000 owners' committees with two terms; 200,000 volunteer profiles, 100,000
activities, 2,000,000 registrations, 5,000,000 points-ledger lines; 10,000
micro-projects with 1,000,000 ballots; 5,000 topics.

How: every big table is filled by one `INSERT … SELECT … FROM
generate_series` inside PostgreSQL (no rows travel through Python), with
explicit ids, so that each foreign key is arithmetic on an index. The shape
makes every rule hold by construction: with C communities, community c owns
the grids g ≡ c (mod C), the estates, buildings, households and residents
whose index is ≡ c (mod C); resident r lives in household r mod H, building
r mod B, grid r mod G; the first H residents are the householders (exactly one
per household). Role k of a community (its mediator, party members, committee
members, volunteers, voters…) is resident c + C·k, so a voter always lives in
the project's community and a committee member in the committee's.

Stored computed and related fields are written by the same SQL (district,
street and community of each row, parent_path, complete_name, counts, the
points balance = sum of the ledger, hours…), except for the small tables
(grid staffing, owners' committee terms and compliance) where the ORM
recomputes them. At the end a sample of every model is recomputed through
the ORM and compared with what SQL wrote, and the model constraints
(`_check_*`, `_constrains`) are run on that sample: any difference fails the
script. The SQL is built from integers computed here, never from input.
"""

import argparse
import contextlib
import math
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ["community_grid", "community_party", "community_mediation", "community_volunteer"]
FORBIDDEN_DBS = {"community", "community_test"}
# one resident role per block of indexes k: resident c + C*k of community c
K_MEDIATOR = 1
K_PARTY = 100  # 60 party members: k 100..159
K_COMMITTEE = 200  # committee members who are not party members: k 200..234
K_VOLUNTEER = 300  # 200 volunteers: k 300..499
K_VOTER = 500  # up to 175 voters: k 500..674
K_PROPOSER = 700  # topics and micro-projects: k 700..719
K_PARTY_A = 720  # mediation applicants: k 720..869
K_PARTY_B = 870  # mediation respondents: k 870..999 (k < 1000 = residents per community)
YEAR = 365


class City:
    def __init__(self, env, scale):
        self.env = env
        self.cr = env.cr
        self.scale = scale
        s = scale
        self.C = max(1, round(1000 * s))
        self.D = max(1, round(10 * s))
        self.S = max(self.D, round(100 * s))
        C = self.C
        self.E = 5 * C  # estates
        self.G = 5 * C  # grids
        self.B = 100 * C  # buildings: 20 per grid
        self.H = 400 * C  # households: 4 per building
        self.R = 1000 * C  # residents: 2.5 per household
        self.N_EVENTS = 500 * C
        self.N_CASES = 50 * C
        self.N_MEMBERS = 60 * C
        self.N_LOGS = 20 * C
        self.N_PROFILES = 200 * C
        self.N_ACTIVITIES = 100 * C
        self.REG_PER_ACTIVITY = 20
        self.N_LINES = 5000 * C
        self.N_PROJECTS = 10 * C
        self.N_BALLOTS = 1000 * C
        self.N_TOPICS = 5 * C
        self.stats = []
        self.base = {}

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def sql(self, query, params=None):
        self.cr.execute(query, params)

    def next_id(self, table):
        self.sql(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        return self.cr.fetchone()[0]

    def insert(self, table, count, columns, source="generate_series(0, %(last)s) n", label=None):
        """INSERT INTO table (id, cols) SELECT base+1+n, exprs FROM source.

        Returns the base: row n has id base + 1 + n."""
        base, cols, exprs = None, [], []
        if not table.endswith("_rel"):
            base = self.next_id(table)
            cols = ["id", "create_uid", "write_uid", "create_date", "write_date"]
            now = "now() AT TIME ZONE 'UTC'"
            exprs = [f"{base} + 1 + n", "1", "1", now, now]
        for col, expr in columns:
            cols.append(col)
            exprs.append(expr)
        start = time.perf_counter()
        self.sql(
            f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
            f"FROM {source.replace('%(last)s', str(count - 1))}"
        )
        rows = self.cr.rowcount
        if cols and cols[0] == "id":
            self.sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        self.record(label or table, rows, time.perf_counter() - start)
        return base

    def record(self, label, rows, seconds):
        self.stats.append((label, rows, seconds))
        rate = rows / seconds if seconds else 0
        print(f"  {label:40s} {rows:>10,d} rows {seconds:8.1f} s {rate:>12,.0f} rows/s", flush=True)

    def timed(self, label, func):
        start = time.perf_counter()
        rows = func()
        self.record(label, rows or 0, time.perf_counter() - start)

    # ------------------------------------------------------------------
    # territory, grids, buildings, households, residents
    # ------------------------------------------------------------------

    def drop_indexes(self):
        """Drop the plain (non-unique) indexes of the big tables: one sorted
        build at the end is several times cheaper than updating each index
        row by row. Unique indexes stay: they check uniqueness as rows come."""
        self.sql(
            """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                 FROM pg_index i
                WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
                  AND NOT i.indisunique AND NOT i.indisexclusion""",
            [BIG_TABLES],
        )
        self.dropped = self.cr.fetchall()
        for name, _ddl in self.dropped:
            self.sql(f"DROP INDEX {name}")

    def restore_indexes(self):
        start = time.perf_counter()
        self.sql("SET LOCAL maintenance_work_mem = '512MB'")
        for _name, ddl in self.dropped:
            self.sql(ddl)
        self.record(f"indexes rebuilt ({len(self.dropped)})", 0, time.perf_counter() - start)

    def territory(self):
        C, D, S, E = self.C, self.D, self.S, self.E
        base = self.next_id("community_area")
        d0, s0, c0, e0 = base, base + D, base + D + S, base + D + S + C
        self.base.update(district=d0, street=s0, community=c0, estate=e0)
        common = [("sequence", "10"), ("active", "true")]
        self.insert(
            "community_area",
            D,
            [
                ("name", "'城区' || (n + 1)"),
                ("code", "'CITY-D' || (n + 1)"),
                ("area_type", "'district'"),
                ("parent_path", f"({d0} + 1 + n) || '/'"),
                ("complete_name", "'城区' || (n + 1)"),
                ("district_id", f"{d0} + 1 + n"),
                *common,
            ],
            label="community_area (districts)",
        )
        self.insert(
            "community_area",
            S,
            [
                ("name", "'街道' || (n + 1)"),
                ("code", "'CITY-S' || (n + 1)"),
                ("area_type", "'street'"),
                ("parent_id", f"{d0} + 1 + n % {D}"),
                ("parent_path", f"({d0} + 1 + n % {D}) || '/' || ({s0} + 1 + n) || '/'"),
                ("complete_name", f"'城区' || (1 + n % {D}) || ' / 街道' || (n + 1)"),
                ("district_id", f"{d0} + 1 + n % {D}"),
                ("street_id", f"{s0} + 1 + n"),
                *common,
            ],
            label="community_area (streets)",
        )
        # community c: street c % S, district (c % S) % D
        self.insert(
            "community_area",
            C,
            [
                ("name", "'社区' || (n + 1)"),
                ("code", "'CITY-C' || (n + 1)"),
                ("area_type", "'community'"),
                ("parent_id", f"{s0} + 1 + n % {S}"),
                (
                    "parent_path",
                    f"({d0} + 1 + n % {S} % {D}) || '/' || ({s0} + 1 + n % {S}) || '/' "
                    f"|| ({c0} + 1 + n) || '/'",
                ),
                (
                    "complete_name",
                    f"'城区' || (1 + n % {S} % {D}) || ' / 街道' || (1 + n % {S}) "
                    "|| ' / 社区' || (n + 1)",
                ),
                ("district_id", f"{d0} + 1 + n % {S} % {D}"),
                ("street_id", f"{s0} + 1 + n % {S}"),
                ("community_id", f"{c0} + 1 + n"),
                *common,
            ],
            label="community_area (communities)",
        )
        # estate e: community e % C
        self.insert(
            "community_area",
            E,
            [
                ("name", "'小区' || (n + 1)"),
                ("code", "'CITY-E' || (n + 1)"),
                ("area_type", "'estate'"),
                ("parent_id", f"{c0} + 1 + n % {C}"),
                (
                    "parent_path",
                    f"({d0} + 1 + n % {C} % {S} % {D}) || '/' || ({s0} + 1 + n % {C} % {S}) "
                    f"|| '/' || ({c0} + 1 + n % {C}) || '/' || ({e0} + 1 + n) || '/'",
                ),
                (
                    "complete_name",
                    f"'城区' || (1 + n % {C} % {S} % {D}) || ' / 街道' || (1 + n % {C} % {S}) "
                    f"|| ' / 社区' || (1 + n % {C}) || ' / 小区' || (n + 1)",
                ),
                ("district_id", f"{d0} + 1 + n % {C} % {S} % {D}"),
                ("street_id", f"{s0} + 1 + n % {C} % {S}"),
                ("community_id", f"{c0} + 1 + n % {C}"),
                *common,
            ],
            label="community_area (estates)",
        )

    def community(self, expr):
        return f"({self.base['community']} + 1 + ({expr}) % {self.C})"

    def street(self, expr):
        return f"({self.base['street']} + 1 + ({expr}) % {self.C} % {self.S})"

    def district(self, expr):
        return f"({self.base['district']} + 1 + ({expr}) % {self.C} % {self.S} % {self.D})"

    def resident(self, c_expr, k_expr):
        """id of resident c + C*k (c: community index, k: role index)."""
        return f"({self.base['resident']} + 1 + ({c_expr}) + {self.C} * ({k_expr}))"

    def grids_buildings_households(self):
        C, G, B, H, R = self.C, self.G, self.B, self.H, self.R
        per_grid = H // G
        needed = math.ceil(per_grid / 150)
        self.base["grid"] = self.insert(
            "community_grid",
            G,
            [
                ("name", f"'第' || (1 + n / {C}) || '网格'"),
                ("code", f"'G' || (1 + n / {C})"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("household_count", str(per_grid)),
                ("worker_count", "0"),
                ("workers_needed", str(needed)),
                ("households_per_worker", "0"),
                ("staffing_status", "'no_leader'"),
                ("active", "true"),
            ],
        )
        e0 = self.base["estate"]
        # building b: grid b % G, community b % C, estate (b % C) + C * ((b / C) % 5)
        self.base["building"] = self.insert(
            "community_building",
            B,
            [
                ("name", f"(1 + n / {G}) || '栋'"),
                ("sequence", "10"),
                ("estate_id", f"{e0} + 1 + n % {C} + {C} * ((n / {C}) % 5)"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("grid_id", f"{self.base['grid']} + 1 + n % {G}"),
                ("floors", "18"),
                ("has_head", "false"),
                ("active", "true"),
            ],
        )
        r0 = self.next_id("res_partner")
        self.base["resident"] = r0
        b0 = self.base["building"]
        # household h: building h % B, room 101 + h / B; householder = resident h
        self.base["household"] = self.insert(
            "community_household",
            H,
            [
                ("name", "e.name || b.name || (101 + n / " + str(B) + ")::text"),
                ("building_id", "b.id"),
                ("room", f"(101 + n / {B})::text"),
                ("grid_id", "b.grid_id"),
                ("estate_id", "b.estate_id"),
                ("community_id", "b.community_id"),
                ("street_id", "b.street_id"),
                ("member_count", f"({R} - 1 - n) / {H} + 1"),
                ("householder_id", "NULL"),
                ("active", "true"),
            ],
            source=(
                "generate_series(0, %(last)s) n "
                f"JOIN community_building b ON b.id = {b0} + 1 + n % {B} "
                "JOIN community_area e ON e.id = b.estate_id"
            ),
        )

    def residents(self):
        C, G, H, R = self.C, self.G, self.H, self.R
        # GB 11643 check digit of the 17-digit body
        self.sql(
            """
            CREATE OR REPLACE FUNCTION pg_temp.ric(body text) RETURNS text
            LANGUAGE sql IMMUTABLE AS $$
                SELECT body || substr('10X98765432',
                    (SELECT SUM(substr(body, i, 1)::int
                                * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[i])
                       FROM generate_series(1, 17) i)::int % 11 + 1, 1)
            $$
            """
        )
        rel = "(ARRAY['spouse','child','parent','grandchild','other'])"
        days = 29000  # birth dates 1940-01-01 … 2019-05-26
        # ID: region 440605, birth date 1940-01-01 + r % days, sequence r / days
        birth = f"(DATE '1940-01-01' + (n % {days}))"
        h0 = self.base["household"]
        self.insert(
            "res_partner",
            R,
            [
                ("name", "'居民' || (n + 1)"),
                ("complete_name", "'居民' || (n + 1)"),
                ("type", "'contact'"),
                ("active", "true"),
                ("is_company", "false"),
                ("commercial_partner_id", f"{self.base['resident']} + 1 + n"),
                ("partner_share", "true"),
                ("lang", "'zh_CN'"),
                ("is_resident", "true"),
                ("household_id", f"{h0} + 1 + n % {H}"),
                (
                    "household_relation",
                    f"CASE WHEN n < {H} THEN 'self' ELSE {rel}[1 + (n / {H}) % 5] END",
                ),
                ("grid_id", f"{self.base['grid']} + 1 + n % {G}"),
                ("resident_community_id", self.community("n")),
                ("resident_street_id", self.street("n")),
                (
                    "id_number",
                    f"pg_temp.ric('440605' || to_char({birth}, 'YYYYMMDD') "
                    f"|| lpad(((n / {days}) % 1000)::text, 3, '0'))",
                ),
                ("birth_date", birth),
                (
                    "gender",
                    f"CASE WHEN ((n / {days}) % 1000) % 2 = 1 THEN 'male' ELSE 'female' END",
                ),
                ("phone", "'+86 138' || lpad(n::text, 8, '0')"),
                ("phone_sanitized", "'+86138' || lpad(n::text, 8, '0')"),
                ("is_party_member", "false"),
                ("is_property_company", "false"),
                ("property_has_party_org", "false"),
                ("message_bounce", "0"),
            ],
            label="res_partner (residents)",
        )
        # households and residents point at each other: the householder of
        # household h is resident h
        start = time.perf_counter()
        self.sql(
            f"UPDATE community_household SET householder_id = {self.base['resident']} + id - {h0} "
            f"WHERE id > {h0}"
        )
        self.record(
            "community_household.householder_id", self.cr.rowcount, time.perf_counter() - start
        )
        del C

    # ------------------------------------------------------------------
    # grid events
    # ------------------------------------------------------------------

    def departments_and_users(self):
        env = self.env
        departments = env["community.department"].create([{"name": name} for name in DEPARTMENTS])
        categories = env["community.event.category"].search([])
        for i, category in enumerate(categories):
            category.department_id = departments[i % len(departments)]
        env.flush_all()
        self.department_ids = departments.ids
        self.category_ids = categories.ids

    def events(self):
        G, B, R, N = self.G, self.B, self.R, self.N_EVENTS
        states = (
            "(ARRAY['new','accepted','whistled','waiting','handled','closed','closed','closed'])"
        )
        state = f"{states}[1 + n % 8]"
        reported = (
            "((now() AT TIME ZONE 'UTC') - ((n % 730) * interval '1 day') "
            "- ((n % 24) * interval '1 hour'))"
        )
        handled = f"({reported} + ((n % 120) + 1) * interval '1 hour')"
        deadline = f"({reported} + interval '72 hours')"
        done = f"({state} IN ('handled', 'closed'))"
        cats = "ARRAY[" + ",".join(map(str, self.category_ids)) + "]"
        n_cats = len(self.category_ids)
        self.base["event"] = self.insert(
            "community_event",
            N,
            [
                ("name", "'SJ' || lpad((n + 1)::text, 8, '0')"),
                ("title", "'网格事件' || (n + 1)"),
                ("description", "'生成的城市数据：网格员巡查发现的问题。'"),
                ("category_id", f"({cats})[1 + n % {n_cats}]"),
                ("priority", "CASE WHEN n % 20 = 0 THEN '1' ELSE '0' END"),
                ("state", state),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("grid_id", f"{self.base['grid']} + 1 + n % {G}"),
                ("building_id", f"{self.base['building']} + 1 + n % {B}"),
                ("reporter_type", "CASE WHEN n % 3 = 0 THEN 'resident' ELSE 'grid_worker' END"),
                (
                    "reporter_id",
                    f"CASE WHEN n % 3 = 0 THEN {self.base['resident']} + 1 + n % {R} END",
                ),
                ("date_reported", reported),
                ("date_clock_start", reported),
                ("deadline", deadline),
                ("sla_hours", "24"),
                (
                    "sla_paused_at",
                    f"CASE WHEN {state} = 'waiting' THEN {reported} + interval '1 hour' END",
                ),
                (
                    "state_before_wait",
                    f"CASE WHEN {state} = 'waiting' THEN 'accepted' END",
                ),
                ("date_handled", f"CASE WHEN {done} THEN {handled} END"),
                (
                    "date_closed",
                    f"CASE WHEN {state} = 'closed' THEN {handled} + interval '1 day' END",
                ),
                ("handled_on_time", f"CASE WHEN {done} THEN {handled} <= {deadline} END"),
                (
                    "on_time_rate",
                    f"CASE WHEN {done} THEN CASE WHEN {handled} <= {deadline} "
                    "THEN 100.0 ELSE 0.0 END END",
                ),
                ("handling_hours", f"CASE WHEN {done} THEN (n % 120) + 1 END"),
                ("outcome", f"CASE WHEN {done} THEN 'resolved' END"),
                ("answer", f"CASE WHEN {done} THEN '已处理完毕。' END"),
                ("rating", f"CASE WHEN {state} = 'closed' AND n % 3 = 0 THEN 3 + (n / 3) % 3 END"),
                ("reopen_count", "0"),
                ("problem_case", "false"),
                ("supervised", "false"),
                ("reminded", "false"),
            ],
        )
        e0 = self.base["event"]
        deps = "ARRAY[" + ",".join(map(str, self.department_ids)) + "]"
        # escalated events have an open task; one handled event in five had an answered one
        self.insert(
            "community_event_task",
            N,
            [
                ("event_id", f"{e0} + 1 + n"),
                ("department_id", f"({deps})[1 + n % {len(self.department_ids)}]"),
                ("instructions", "'请协助处理。'"),
                ("state", f"CASE WHEN {state} = 'whistled' THEN 'open' ELSE 'answered' END"),
                ("answer", f"CASE WHEN {state} <> 'whistled' THEN '已派员处理。' END"),
                ("date_answered", f"CASE WHEN {state} <> 'whistled' THEN {handled} END"),
                ("community_id", self.community("n")),
            ],
            source=(
                "generate_series(0, %(last)s) n "
                f"WHERE {state} = 'whistled' OR ({done} AND n % 5 = 0)"
            ),
            label="community_event_task",
        )
        note = self.env.ref("mail.mt_note").id
        self.insert(
            "mail_message",
            N,
            [
                ("model", "'community.event'"),
                ("res_id", f"{e0} + 1 + n"),
                ("record_name", "'SJ' || lpad((n + 1)::text, 8, '0')"),
                ("message_type", "'notification'"),
                ("subtype_id", str(note)),
                ("is_internal", "true"),
                ("body", "'<p>事件已上报（生成数据）。</p>'"),
                ("date", reported),
                ("author_id", "3"),
            ],
            label="mail_message (event history)",
        )

    # ------------------------------------------------------------------
    # mediation
    # ------------------------------------------------------------------

    def mediation(self):
        C, N = self.C, self.N_CASES
        self.base["mediator"] = self.insert(
            "mediation_mediator",
            C,
            [
                ("partner_id", self.resident(f"n % {C}", K_MEDIATOR)),
                (
                    "name",
                    f"'居民' || ({self.resident(f'n % {C}', K_MEDIATOR)} "
                    f"- {self.base['resident']})",
                ),
                ("tier", "'mediator'"),
                ("tier_sequence", "3"),
                ("area_id", self.community("n")),
                ("street_id", self.street("n")),
                ("community_id", self.community("n")),
                ("active", "true"),
            ],
        )
        self.base["room"] = self.insert(
            "mediation_room",
            C,
            [
                ("name", "'调解室' || (n + 1)"),
                ("room_type", "'room'"),
                ("area_id", self.community("n")),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("capacity", "6"),
                ("active", "true"),
            ],
        )
        states = (
            "(ARRAY['registered','accepted','assigned','mediating','concluded','follow_up',"
            "'closed','closed','closed','closed'])"
        )
        state = f"{states}[1 + n % 10]"
        outcomes = "(ARRAY['reached','reached','partial','failed'])"
        has_outcome = f"({state} IN ('concluded','follow_up','closed'))"
        registered = "((now() AT TIME ZONE 'UTC') - ((n % 700) * interval '1 day'))"
        with_mediator = f"({state} NOT IN ('registered','accepted'))"
        types = (
            "(ARRAY['neighbour','family','property','labour','housing','debt','damage','other'])"
        )
        self.base["case"] = self.insert(
            "mediation_case",
            N,
            [
                ("name", "'TJ-CITY-' || lpad((n + 1)::text, 8, '0')"),
                ("subject", "'纠纷' || (n + 1)"),
                ("dispute_type", f"{types}[1 + n % 8]"),
                ("source", "'walk_in'"),
                ("description", "'生成的城市数据：邻里纠纷。'"),
                ("amount", "(n % 50) * 100"),
                ("risk_level", "CASE WHEN n % 25 = 0 THEN 'high' ELSE 'low' END"),
                ("state", state),
                ("outcome", f"CASE WHEN {has_outcome} THEN {outcomes}[1 + n % 4] END"),
                ("level", "'community'"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("district_id", self.district("n")),
                (
                    "applicant_partner_id",
                    self.resident(f"n % {C}", f"{K_PARTY_A} + (n / {C}) % 150"),
                ),
                (
                    "mediator_id",
                    f"CASE WHEN {with_mediator} THEN {self.base['mediator']} + 1 + n % {C} END",
                ),
                ("date_registered", registered),
                (
                    "date_closed",
                    f"CASE WHEN {state} = 'closed' THEN {registered} + ((n % 30) + 1) "
                    "* interval '1 day' END",
                ),
                ("days_to_close", f"CASE WHEN {state} = 'closed' THEN (n % 30) + 1 ELSE 0 END"),
                (
                    "success_rate",
                    f"CASE WHEN {has_outcome} THEN (ARRAY[100.0, 100.0, 50.0, 0.0])[1 + n % 4] "
                    "ELSE 0 END",
                ),
                ("escalation_count", "0"),
                ("active", "true"),
            ],
        )
        k0 = self.base["case"]
        for role, k in (("applicant", K_PARTY_A), ("respondent", K_PARTY_B)):
            span = 150 if role == "applicant" else 130
            partner = self.resident(f"n % {C}", f"{k} + (n / {C}) % {span}")
            self.insert(
                "mediation_case_party",
                N,
                [
                    ("case_id", f"{k0} + 1 + n"),
                    ("sequence", "10"),
                    ("role", f"'{role}'"),
                    ("partner_id", partner),
                    ("name", f"'居民' || ({partner} - {self.base['resident']})"),
                    (
                        "phone",
                        f"'+86 138' || lpad(({partner} - {self.base['resident']} - 1)::text, "
                        "8, '0')",
                    ),
                    ("community_id", self.community("n")),
                ],
                label=f"mediation_case_party ({role}s)",
            )
        self._party_rel(k0)
        # one session per case that reached mediation: room of its community,
        # slot n / C of that room, one hour every three hours: no double booking
        t0 = "((now() AT TIME ZONE 'UTC')::date - 800)::timestamp"
        start = f"({t0} + (n / {C}) * interval '3 hours')"
        self.insert(
            "mediation_session",
            N,
            [
                ("case_id", f"{k0} + 1 + n"),
                (
                    "name",
                    f"'TJ-CITY-' || lpad((n + 1)::text, 8, '0') || ' ' "
                    f"|| to_char({start}, 'YYYY-MM-DD HH24:MI')",
                ),
                ("room_id", f"{self.base['room']} + 1 + n % {C}"),
                ("start", start),
                ("stop", f"{start} + interval '1 hour'"),
                ("state", f"CASE WHEN {state} = 'mediating' THEN 'planned' ELSE 'done' END"),
                ("community_id", self.community("n")),
                ("mediator_id", f"{self.base['mediator']} + 1 + n % {C}"),
            ],
            source=(
                "generate_series(0, %(last)s) n "
                f"WHERE {state} IN ('mediating','concluded','follow_up','closed')"
            ),
        )

    def _party_rel(self, k0):
        start = time.perf_counter()
        self.sql(
            "INSERT INTO mediation_case_party_partner_rel (case_id, partner_id) "
            "SELECT DISTINCT case_id, partner_id FROM mediation_case_party "
            "WHERE case_id > %s AND partner_id IS NOT NULL",
            [k0],
        )
        self.record(
            "mediation_case_party_partner_rel", self.cr.rowcount, time.perf_counter() - start
        )

    # ------------------------------------------------------------------
    # party building
    # ------------------------------------------------------------------

    def party(self):
        C, S = self.C, self.S
        c0 = self.base["community"]
        # one employer unit (company) per street for the 双报到 members
        self.base["employer"] = self.insert(
            "res_partner",
            S,
            [
                ("name", "'单位' || (n + 1)"),
                ("complete_name", "'单位' || (n + 1)"),
                ("type", "'contact'"),
                ("active", "true"),
                ("is_company", "true"),
                ("commercial_partner_id", f"{self.next_id('res_partner')} + 1 + n"),
                ("partner_share", "true"),
                ("is_resident", "false"),
                ("is_party_member", "false"),
                ("is_property_company", "false"),
                ("property_has_party_org", "false"),
                ("message_bounce", "0"),
            ],
            label="res_partner (employer units)",
        )
        # per community: its party committee, and a branch on its first estate
        o0 = self.next_id("party_organization")
        self.insert(
            "party_organization",
            C,
            [
                ("name", "'社区' || (n + 1) || '党委'"),
                ("complete_name", "'社区' || (n + 1) || '党委'"),
                ("org_type", "'committee'"),
                ("parent_path", f"({o0} + 1 + n) || '/'"),
                ("area_id", f"{c0} + 1 + n"),
                ("street_id", self.street("n")),
                ("community_id", self.community("n")),
                ("active", "true"),
            ],
            label="party_organization (committees)",
        )
        self.insert(
            "party_organization",
            C,
            [
                ("name", "'小区' || (n + 1) || '党支部'"),
                ("complete_name", "'社区' || (n + 1) || '党委 / 小区' || (n + 1) || '党支部'"),
                ("org_type", "'branch'"),
                ("parent_id", f"{o0} + 1 + n"),
                ("parent_path", f"({o0} + 1 + n) || '/' || ({o0} + 1 + {C} + n) || '/'"),
                ("area_id", f"{self.base['estate']} + 1 + n"),
                ("street_id", self.street("n")),
                ("community_id", self.community("n")),
                ("active", "true"),
            ],
            label="party_organization (branches)",
        )
        # member m: community m % C, resident k = 100 + m / C; one in four in service
        in_service = "(n / " + str(C) + ") % 4 = 0"
        self.base["member"] = self.insert(
            "party_member",
            self.N_MEMBERS,
            [
                ("partner_id", self.resident(f"n % {C}", f"{K_PARTY} + n / {C}")),
                ("organization_id", f"{o0} + 1 + {C} + n % {C}"),
                ("area_id", f"{self.base['estate']} + 1 + n % {C}"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("member_type", f"CASE WHEN {in_service} THEN 'in_service' ELSE 'community' END"),
                ("join_date", "DATE '1990-07-01' + (n % 9000)"),
                ("state", "'active'"),
                (
                    "employer_id",
                    f"CASE WHEN {in_service} THEN {self.base['employer']} + 1 + n % {C} % {S} END",
                ),
                (
                    "registration_date",
                    f"CASE WHEN {in_service} THEN DATE '2024-01-01' + (n % 300) END",
                ),
            ],
        )
        start = time.perf_counter()
        self.sql(
            "UPDATE res_partner p SET is_party_member = true FROM party_member m "
            "WHERE m.partner_id = p.id AND m.state = 'active' AND m.id > %s",
            [self.base["member"]],
        )
        self.record("res_partner.is_party_member", self.cr.rowcount, time.perf_counter() - start)
        # service log l: in-service member (l % C) + C * 4 * ((l / C) % 15)
        m0 = self.base["member"]
        member = f"({m0} + 1 + n % {C} + {C} * 4 * ((n / {C}) % 15))"
        self.insert(
            "party_service_log",
            self.N_LOGS,
            [
                ("member_id", member),
                ("partner_id", self.resident(f"n % {C}", f"{K_PARTY} + 4 * ((n / {C}) % 15)")),
                ("employer_id", f"{self.base['employer']} + 1 + n % {C} % {S}"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("date", "(now() AT TIME ZONE 'UTC')::date - (n % 360)"),
                ("hours", "1 + n % 4"),
                ("note", "'社区服务'"),
            ],
        )
        self.owners_committees()
        self.topics_and_projects()

    def owners_committees(self):
        C, E = self.C, self.E
        e0 = self.base["estate"]
        self.base["committee"] = q0 = self.insert(
            "owners_committee",
            E,
            [
                ("name", "'小区' || (n + 1) || '业主委员会'"),
                ("estate_id", f"{e0} + 1 + n"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("compliance_status", "'no_term'"),
                ("active", "true"),
            ],
        )
        # term t: committee t % E, the older one first
        t0 = self.insert(
            "owners_committee_term",
            2 * E,
            [
                ("name", f"CASE WHEN n < {E} THEN '第一届' ELSE '第二届' END"),
                ("committee_id", f"{q0} + 1 + n % {E}"),
                ("community_id", self.community(f"n % {E}")),
                ("street_id", self.street(f"n % {E}")),
                (
                    "election_date",
                    f"CASE WHEN n < {E} THEN DATE '2020-03-01' ELSE DATE '2025-03-01' END",
                ),
                (
                    "date_end",
                    f"CASE WHEN n < {E} THEN DATE '2025-02-28' ELSE DATE '2030-02-28' END",
                ),
                ("member_count", "0"),
                ("party_member_count", "0"),
                ("party_ratio", "0"),
                ("chair_is_party_member", "false"),
                ("cross_appointment_count", "0"),
                ("compliance_rate", "0"),
                ("compliance_status", "'ratio'"),
            ],
        )
        # seven seats on each current term; estate e of community c = e % C,
        # local index e / C. Seats 0-3 are party members except on the fifth
        # estate of each community (a committee that misses the 50 % rule).
        n_seats = 7 * E
        e_expr = "(n / 7)"
        j_expr = "(n % 7)"
        local = f"({e_expr} / {C})"
        k_expr = (
            f"CASE WHEN {j_expr} < 4 AND {local} < 4 THEN {K_PARTY} + 7 * {local} + {j_expr} "
            f"ELSE {K_COMMITTEE} + 7 * {local} + {j_expr} END"
        )
        partner = self.resident(f"{e_expr} % {C}", k_expr)
        self.insert(
            "owners_committee_member",
            n_seats,
            [
                ("term_id", f"{t0} + 1 + {E} + {e_expr}"),
                ("community_id", self.community(e_expr)),
                ("partner_id", partner),
                (
                    "position",
                    f"CASE {j_expr} WHEN 0 THEN 'chair' WHEN 1 THEN 'vice_chair' ELSE 'member' END",
                ),
                ("is_party_member", f"{j_expr} < 4 AND {local} < 4"),
                ("cross_party_committee", "false"),
                ("cross_residents_committee", "false"),
            ],
        )
        # terms and committees: small tables, recomputed by the ORM
        env = self.env

        def recompute():
            terms = env["owners.committee.term"].search([("id", ">", t0)])
            committees = env["owners.committee"].search([("id", ">", q0)])
            for name in (
                "member_count",
                "party_member_count",
                "party_ratio",
                "chair_is_party_member",
                "cross_appointment_count",
                "compliance_rate",
                "compliance_status",
            ):
                env.add_to_compute(terms._fields[name], terms)
            env.flush_all()
            for name in (
                "current_term_id",
                "next_election_date",
                "party_ratio",
                "compliance_status",
            ):
                env.add_to_compute(committees._fields[name], committees)
            env.flush_all()
            env.invalidate_all()
            return len(terms) + len(committees)

        self.timed("owners' committees: ORM recompute", recompute)

    def topics_and_projects(self):
        C = self.C
        topic_states = "(ARRAY['proposed','scheduled','discussed','rejected'])"
        self.insert(
            "community_topic",
            self.N_TOPICS,
            [
                ("name", "'议题' || (n + 1)"),
                ("description", "'居民提出的议题。'"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("partner_id", self.resident(f"n % {C}", f"{K_PROPOSER} + (n / {C}) % 20")),
                ("state", f"{topic_states}[1 + (n / {C}) % 4]"),
                ("is_published", "(n / " + str(C) + ") % 4 <> 3"),
            ],
        )
        # project p: community p % C, state by p / C; the public ones were voted on
        states = (
            "(ARRAY['proposed','review','voting','notice','implementation','closed','rejected',"
            "'voting','notice','closed'])"
        )
        state = f"{states}[1 + (n / {C}) % 10]"
        voted = f"({state} IN ('voting','notice','implementation','closed'))"
        now = "(now() AT TIME ZONE 'UTC')"
        p0 = self.insert(
            "community_microproject",
            self.N_PROJECTS,
            [
                ("name", "'微实事' || (n + 1)"),
                ("description", "'民生微实事项目。'"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("partner_id", self.resident(f"n % {C}", f"{K_PROPOSER} + (n / {C}) % 20")),
                ("state", state),
                ("estimated_cost", "10000 + (n % 50) * 1000"),
                ("max_choices", "1 + n % 3"),
                (
                    "vote_date_start",
                    f"CASE WHEN {state} = 'voting' THEN {now} - interval '3 days' "
                    f"WHEN {voted} THEN {now} - interval '60 days' END",
                ),
                (
                    "vote_date_end",
                    f"CASE WHEN {state} = 'voting' THEN {now} + interval '30 days' "
                    f"WHEN {voted} THEN {now} - interval '30 days' END",
                ),
                ("progress", f"CASE WHEN {state} = 'closed' THEN 100 ELSE 0 END"),
            ],
        )
        ch0 = self.insert(
            "community_microproject_choice",
            3 * self.N_PROJECTS,
            [
                ("name", "'方案' || (1 + n % 3)"),
                ("sequence", "10 + n % 3"),
                ("project_id", f"{p0} + 1 + n / 3"),
                ("community_id", self.community("n / 3")),
            ],
        )
        # ballots: the voted projects, the same number of voters each
        self.sql(
            f"SELECT array_agg(id - {p0} - 1 ORDER BY id) FROM community_microproject "
            "WHERE id > %s AND state IN ('voting','notice','implementation','closed')",
            [p0],
        )
        voted_idx = self.cr.fetchone()[0] or []
        per = min(175, max(1, self.N_BALLOTS // max(1, len(voted_idx))))
        self.sql("CREATE TEMP TABLE city_voted (i int, p int) ON COMMIT DROP")
        self.sql(
            "INSERT INTO city_voted SELECT o - 1, p "
            "FROM unnest(%s::int[]) WITH ORDINALITY AS t(p, o)",
            [voted_idx],
        )
        # ballot n: project voted[n / per], voter k = 500 + n % per, one option
        v0 = self.insert(
            "community_microproject_vote",
            len(voted_idx) * per,
            [
                ("project_id", f"{p0} + 1 + v.p"),
                ("community_id", self.community("v.p")),
                ("partner_id", self.resident(f"v.p % {C}", f"{K_VOTER} + n % {per}")),
            ],
            source=f"generate_series(0, %(last)s) n JOIN city_voted v ON v.i = n / {per}",
        )
        self.insert(
            "community_microproject_vote_choice_rel",
            len(voted_idx) * per,
            [
                ("vote_id", f"{v0} + 1 + n"),
                ("choice_id", f"{ch0} + 1 + 3 * v.p + (n % {per}) % 3"),
            ],
            source=f"generate_series(0, %(last)s) n JOIN city_voted v ON v.i = n / {per}",
            label="community_microproject_vote_choice_rel",
        )
        # the winner of each closed vote: the option with most ballots
        start = time.perf_counter()
        self.sql(
            """
            UPDATE community_microproject p SET winner_choice_id = w.choice_id
              FROM (SELECT DISTINCT ON (c.project_id) c.project_id, c.id AS choice_id
                      FROM community_microproject_choice c
                      JOIN community_microproject_vote_choice_rel r ON r.choice_id = c.id
                     WHERE c.project_id > %s
                  GROUP BY c.project_id, c.id, c.sequence
                  ORDER BY c.project_id, count(*) DESC, c.sequence, c.id) w
             WHERE w.project_id = p.id AND p.state IN ('notice','implementation','closed')
            """,
            [p0],
        )
        self.record("community_microproject.winner", self.cr.rowcount, time.perf_counter() - start)

    # ------------------------------------------------------------------
    # volunteers
    # ------------------------------------------------------------------

    def volunteers(self):
        C, G = self.C, self.G
        T = self.insert(
            "volunteer_team",
            C,
            [
                ("name", "'社区' || (n + 1) || '志愿服务队'"),
                ("kind", "'neighbourhood'"),
                ("area_id", self.community("n")),
                ("street_id", self.street("n")),
                ("community_id", self.community("n")),
                ("member_count", str(self.N_PROFILES // C)),
                ("active", "true"),
                ("points_per_hour", "10"),
                ("points_cap", "0"),
                ("referral_bonus", "5"),
                ("points_expiry_months", "24"),
            ],
        )
        self.base["team"] = T
        per_c = self.N_PROFILES // C
        # profile v: community v % C, resident k = 300 + v / C (grid: resident % G)
        partner = self.resident(f"n % {C}", f"{K_VOLUNTEER} + n / {C}")
        P0 = self.insert(
            "volunteer_profile",
            self.N_PROFILES,
            [
                ("partner_id", partner),
                ("name", f"'居民' || ({partner} - {self.base['resident']})"),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                (
                    "grid_id",
                    f"{self.base['grid']} + 1 + ({partner} - {self.base['resident']} - 1) % {G}",
                ),
                ("hours_initial", "0"),
                ("hours_confirmed", "0"),
                ("hours_total", "0"),
                ("points_balance", "0"),
                ("star_level", "0"),
                ("star_pending_level", "0"),
                ("proxy_consent", "false"),
                ("active", "true"),
            ],
        )
        self.base["profile"] = P0
        self.insert(
            "volunteer_team_member_rel",
            self.N_PROFILES,
            [("team_id", f"{T} + 1 + n % {C}"), ("partner_id", partner)],
            label="volunteer_team_member_rel",
        )
        # activity a: community a % C, a / C-th of its team; the first 80 % past
        n_act = self.N_ACTIVITIES
        per_act = n_act // C
        past = f"((n / {C}) < {per_act} * 8 / 10)"
        now = "date_trunc('hour', now() AT TIME ZONE 'UTC')"
        start = (
            f"(CASE WHEN {past} THEN {now} - ((n / {C}) * 7 + 2) * interval '1 day' "
            f"ELSE {now} + ((n / {C}) - {per_act} * 8 / 10 + 1) * interval '1 day' END)"
        )
        A0 = self.insert(
            "volunteer_activity",
            n_act,
            [
                ("name", "'志愿活动' || (n + 1)"),
                ("team_id", f"{T} + 1 + n % {C}"),
                ("area_id", self.community("n")),
                ("community_id", self.community("n")),
                ("street_id", self.street("n")),
                ("place", "'社区党群服务中心'"),
                ("date_start", start),
                ("date_end", f"{start} + interval '2 hours'"),
                ("duration_hours", "2"),
                ("registration_deadline", start),
                ("cancel_deadline_hours", "24"),
                ("capacity", "30"),
                ("points_per_hour", "10"),
                ("points_cap", "0"),
                ("state", f"CASE WHEN {past} THEN 'done' ELSE 'published' END"),
            ],
        )
        # registration x: activity x / 20; profile (a / C * 20 + x % 20) % per_c
        # of the activity's community: 20 different volunteers per activity
        R_ = self.REG_PER_ACTIVITY
        a_expr = f"(n / {R_})"
        j_expr = f"((({a_expr} / {C}) * {R_} + n % {R_}) % {per_c})"
        profile = f"({P0} + 1 + {a_expr} % {C} + {C} * {j_expr})"
        partner_r = self.resident(f"{a_expr} % {C}", f"{K_VOLUNTEER} + {j_expr}")
        a_past = f"(({a_expr} / {C}) < {per_act} * 8 / 10)"
        confirmed = f"({a_past} AND n % 10 <> 0)"
        a_start = start.replace("(n / ", f"({a_expr} / ")
        self.base["registration"] = self.insert(
            "volunteer_registration",
            n_act * R_,
            [
                ("activity_id", f"{A0} + 1 + {a_expr}"),
                ("profile_id", profile),
                ("partner_id", partner_r),
                (
                    "grid_id",
                    f"{self.base['grid']} + 1 + ({partner_r} - {self.base['resident']} - 1) % {G}",
                ),
                ("team_id", f"{T} + 1 + {a_expr} % {C}"),
                ("community_id", self.community(a_expr)),
                ("street_id", self.street(a_expr)),
                ("activity_start", a_start),
                ("state", f"CASE WHEN {a_past} THEN 'attended' ELSE 'registered' END"),
                ("check_in", f"CASE WHEN {a_past} THEN {a_start} END"),
                ("check_out", f"CASE WHEN {a_past} THEN {a_start} + interval '2 hours' END"),
                ("checked_in_by", f"CASE WHEN {a_past} THEN 'qr' END"),
                ("hours_raw", f"CASE WHEN {a_past} THEN 2 ELSE 0 END"),
                ("hours", f"CASE WHEN {a_past} THEN 2 ELSE 0 END"),
                ("points", f"CASE WHEN {a_past} THEN 20 ELSE 0 END"),
                ("anomaly_over_cap", "false"),
                ("anomaly_auto_checkout", "false"),
                ("anomaly_overlap", "false"),
                ("has_anomaly", "false"),
                (
                    "hours_state",
                    f"CASE WHEN {confirmed} THEN 'confirmed' WHEN {a_past} THEN 'to_confirm' "
                    "ELSE 'none' END",
                ),
                ("participation", "1"),
                ("on_behalf", "false"),
            ],
        )
        self.ledger()

    def ledger(self):
        """Earned lines for the confirmed registrations, then bonus and
        redeemed lines up to the requested size; balances = sum of lines."""
        C, G = self.C, self.G
        P0 = self.base["profile"]
        reg0 = self.base["registration"]
        l0 = self.next_id("volunteer_point_line")
        start = time.perf_counter()
        self.sql(
            f"""
            INSERT INTO volunteer_point_line
                (id, create_uid, write_uid, create_date, write_date, name, profile_id,
                 partner_id, community_id, street_id, grid_id, kind, points, points_issued,
                 points_used, date, expiry_date, team_id, registration_id, acting_user_id,
                 on_behalf)
            SELECT {l0} + row_number() OVER (ORDER BY r.id), 1, 1, now() AT TIME ZONE 'UTC',
                   now() AT TIME ZONE 'UTC', '志愿服务积分', r.profile_id, r.partner_id,
                   r.community_id, r.street_id, r.grid_id, 'earn', r.points, r.points, 0,
                   r.check_out, (r.check_out + interval '24 months')::date, r.team_id, r.id, 1,
                   false
              FROM volunteer_registration r
             WHERE r.id > %s AND r.hours_state = 'confirmed'
            """,
            [reg0],
        )
        earned = self.cr.rowcount
        self.record("volunteer_point_line (earned)", earned, time.perf_counter() - start)
        rest = max(self.N_LINES - earned, 0)
        if rest:
            P = self.N_PROFILES
            spend = f"((n / {P}) % 3 = 2)"
            partner = self.resident(f"n % {P} % {C}", f"{K_VOLUNTEER} + (n % {P}) / {C}")
            self.insert(
                "volunteer_point_line",
                rest,
                [
                    ("name", f"CASE WHEN {spend} THEN '兑换奖品' ELSE '奖励积分' END"),
                    ("profile_id", f"{P0} + 1 + n % {P}"),
                    ("partner_id", partner),
                    ("community_id", self.community(f"n % {P}")),
                    ("street_id", self.street(f"n % {P}")),
                    (
                        "grid_id",
                        f"{self.base['grid']} + 1 "
                        f"+ ({partner} - {self.base['resident']} - 1) % {G}",
                    ),
                    ("kind", f"CASE WHEN {spend} THEN 'spend' ELSE 'bonus' END"),
                    ("points", f"CASE WHEN {spend} THEN -10 ELSE 5 END"),
                    ("points_issued", f"CASE WHEN {spend} THEN 0 ELSE 5 END"),
                    ("points_used", f"CASE WHEN {spend} THEN 10 ELSE 0 END"),
                    (
                        "date",
                        f"(now() AT TIME ZONE 'UTC') - ({P} * 40 - n) / {P} * interval '1 day'",
                    ),
                    ("acting_user_id", "1"),
                    ("on_behalf", "false"),
                ],
                label="volunteer_point_line (bonus, redeemed)",
            )

        def totals():
            self.sql(
                """
                UPDATE volunteer_profile v
                   SET points_balance = l.total
                  FROM (SELECT profile_id, SUM(points) AS total FROM volunteer_point_line
                         WHERE profile_id > %s GROUP BY profile_id) l
                 WHERE l.profile_id = v.id
                """,
                [P0],
            )
            rows = self.cr.rowcount
            self.sql(
                """
                UPDATE volunteer_profile v
                   SET hours_confirmed = h.hours, hours_total = v.hours_initial + h.hours
                  FROM (SELECT profile_id, SUM(hours) AS hours FROM volunteer_registration
                         WHERE profile_id > %s AND hours_state = 'confirmed'
                      GROUP BY profile_id) h
                 WHERE h.profile_id = v.id
                """,
                [P0],
            )
            return rows

        self.timed("volunteer_profile balances and hours", totals)

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------

    def verify(self, sample=40):
        """Recompute the stored fields of a sample through the ORM and compare;
        run the Python constraints on it. Raises on the first difference."""
        env = self.env
        rng = random.Random(12)
        problems = []
        checked = 0
        models = [
            "community.area",
            "community.grid",
            "community.building",
            "community.household",
            "res.partner",
            "community.event",
            "community.event.task",
            "mediation.mediator",
            "mediation.room",
            "mediation.case",
            "mediation.case.party",
            "mediation.session",
            "party.organization",
            "party.member",
            "party.service.log",
            "owners.committee",
            "owners.committee.term",
            "owners.committee.member",
            "community.topic",
            "community.microproject",
            "community.microproject.choice",
            "community.microproject.vote",
            "volunteer.team",
            "volunteer.profile",
            "volunteer.activity",
            "volunteer.registration",
            "volunteer.point.line",
        ]
        for model in models:
            Model = env[model].sudo().with_context(active_test=False)
            self.sql(f"SELECT MIN(id), MAX(id) FROM {Model._table}")
            lo, hi = self.cr.fetchone()
            if lo is None:
                problems.append(f"{model}: no rows")
                continue
            ids = sorted({rng.randint(lo, hi) for _ in range(sample)} | {lo, hi})
            records = Model.browse(ids).exists()
            if model == "res.partner":
                records = records.filtered("is_resident")
            stored = [
                name
                for name, field in Model._fields.items()
                if field.store and (field.compute or field.related) and name not in SKIP_FIELDS
            ]
            env.transaction.clear()
            before = {name: records.mapped(lambda r, name=name: _plain(r[name])) for name in stored}
            # recompute in the cache only: transaction.clear() drops it unwritten
            for name in stored:
                env.add_to_compute(Model._fields[name], records)
            for name in stored:
                after = records.mapped(lambda r, name=name: _plain(r[name]))
                for rec, b, a in zip(records, before[name], after, strict=True):
                    if not _same(b, a):
                        problems.append(f"{model}({rec.id}).{name}: stored {b!r}, ORM {a!r}")
            env.transaction.clear()
            for check in Model._constraint_methods:
                try:
                    check(records)
                except Exception as exc:  # reported below
                    problems.append(f"{model}: {check.__name__} refuses the sample: {exc}")
            env.transaction.clear()
            checked += len(records)
        # every foreign key of the filled tables, in bulk
        start = time.perf_counter()
        tables = sorted({env[m]._table for m in models} | {"mail_message"})
        self.sql(
            """SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text
                 FROM pg_constraint c
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY(%s)""",
            [tables],
        )
        fkeys = self.cr.fetchall()
        for table, column, target in fkeys:
            self.sql(
                f'SELECT count(*) FROM "{table}" t LEFT JOIN "{target}" r ON r.id = t."{column}" '
                f'WHERE t."{column}" IS NOT NULL AND r.id IS NULL'
            )
            dangling = self.cr.fetchone()[0]
            if dangling:
                problems.append(f"{table}.{column}: {dangling} rows point to no {target}")
        print(
            f"checked {len(fkeys)} foreign keys in {time.perf_counter() - start:.0f} s", flush=True
        )
        # the checksum of every ID number, by python-stdnum
        from stdnum.cn import ric

        self.sql(
            "SELECT id_number FROM res_partner WHERE id_number IS NOT NULL "
            "ORDER BY random() LIMIT 2000"
        )
        bad = [n for (n,) in self.cr.fetchall() if not ric.is_valid(n)]
        if bad:
            problems.append(f"invalid ID numbers: {bad[:5]}")
        # one householder per household; the ledger sums to the balances
        self.sql(
            "SELECT household_id FROM res_partner WHERE household_relation = 'self' "
            "GROUP BY household_id HAVING count(*) > 1 LIMIT 5"
        )
        if self.cr.fetchall():
            problems.append("a household has two householders")
        self.sql(
            """SELECT count(*) FROM volunteer_profile v
                 LEFT JOIN (SELECT profile_id, SUM(points) s FROM volunteer_point_line
                             GROUP BY profile_id) l ON l.profile_id = v.id
                WHERE v.points_balance <> COALESCE(l.s, 0)"""
        )
        if self.cr.fetchone()[0]:
            problems.append("points balances differ from the sum of the ledger")
        self.sql(
            """SELECT count(*) FROM community_building b JOIN community_grid g ON g.id = b.grid_id
                JOIN community_area e ON e.id = b.estate_id
               WHERE g.community_id <> e.community_id"""
        )
        if self.cr.fetchone()[0]:
            problems.append("buildings outside the community of their grid")
        return checked, problems


BIG_TABLES = [
    "res_partner",
    "community_building",
    "community_household",
    "community_event",
    "community_event_task",
    "mail_message",
    "mediation_case",
    "mediation_case_party",
    "mediation_session",
    "party_member",
    "community_microproject_vote",
    "community_microproject_vote_choice_rel",
    "volunteer_profile",
    "volunteer_registration",
    "volunteer_point_line",
]
DEPARTMENTS = [
    "城管执法中队",
    "市场监管所",
    "派出所",
    "住建局",
    "环卫站",
    "消防救援站",
    "司法所",
    "卫生服务中心",
    "民政办",
    "供电所",
]
# Stored fields that are not derived from the row's data alone (dates of
# today, mail counters) or that the sample check cannot compare.
SKIP_FIELDS = {
    "display_name",
    "message_main_attachment_id",
    "email_normalized",
    "phone_sanitized",
    "commercial_company_name",
    "partner_share",
    "signup_type",
    "company_registry",
    "user_id",
    "tz",
    "partner_gid",
    "last_deliberation_date",
    "last_joint_meeting_date",
    "meeting_frequency_ok",
    "has_party_organization",
}


def _plain(value):
    if hasattr(value, "_name"):
        return tuple(value.ids)
    if isinstance(value, float):
        return round(value, 2)
    return value


def _same(a, b):
    if a in (None, False, 0, 0.0, ()) and b in (None, False, 0, 0.0, ()):
        return True
    return a == b


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="city")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--conf", default=str(ROOT / ".local" / "odoo.conf"))
    parser.add_argument("--no-verify", action="store_true")
    args = parser.parse_args()
    if args.db in FORBIDDEN_DBS:
        sys.exit(f"refusing to fill {args.db}: use a database of its own (e.g. city)")

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", args.conf, "--log-level=warn"])
    registry = Registry(args.db)
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        missing = [
            m
            for m in ADDONS
            if not env["ir.module.module"].search_count(
                [("name", "=", m), ("state", "=", "installed")]
            )
        ]
        if missing:
            sys.exit(f"{args.db} lacks {', '.join(missing)}: install the four addons first")
        if env["res.partner"].search_count([("is_resident", "=", True)], limit=1):
            sys.exit(f"{args.db} already holds residents: generate into an empty database")
        city = City(env, args.scale)
        print(
            f"generating a city at scale {args.scale}: {city.C:,d} communities, "
            f"{city.R:,d} residents, {city.N_EVENTS:,d} events, {city.N_LINES:,d} ledger lines",
            flush=True,
        )
        cr.execute("SET LOCAL synchronous_commit = off")
        # the work happens in the PostgreSQL backend: as nice as this process
        cr.execute("SELECT pg_backend_pid()")
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, cr.fetchone()[0], os.getpriority(os.PRIO_PROCESS, 0))
        # foreign keys are right by construction and checked in bulk at the end
        # (verify): their row-by-row triggers would double the load time
        cr.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cr.fetchone()[0]:
            cr.execute("SET LOCAL session_replication_role = replica")
        city.departments_and_users()
        city.drop_indexes()
        city.territory()
        city.grids_buildings_households()
        city.residents()
        city.events()
        city.mediation()
        city.party()
        city.volunteers()
        city.restore_indexes()
        env.invalidate_all()
        env.registry.clear_cache()
        fill = time.perf_counter() - started
        cr.commit()
        start = time.perf_counter()
        cr.execute("ANALYZE")
        city.record("ANALYZE", 0, time.perf_counter() - start)
        total_rows = sum(rows for _label, rows, _s in city.stats)
        print(
            f"filled {total_rows:,d} rows in {fill:.0f} s ({total_rows / fill:,.0f} rows/s)",
            flush=True,
        )
        if not args.no_verify:
            start = time.perf_counter()
            checked, problems = city.verify()
            print(
                f"verified {checked} sampled records through the ORM in "
                f"{time.perf_counter() - start:.0f} s: "
                + ("all stored values and constraints hold" if not problems else "PROBLEMS"),
                flush=True,
            )
            seen = {}
            for problem in problems:
                key = problem.split(":")[0].split("(")[0] + problem.split(")")[-1].split(":")[0]
                seen.setdefault(key, [0, problem])[0] += 1
            for count, example in seen.values():
                print(f"  {count:5d} × {example}")
            cr.rollback()
            if problems:
                sys.exit(1)
    print(f"done in {time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
