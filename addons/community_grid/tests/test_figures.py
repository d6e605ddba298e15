from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import CommunityCase, new_test_user


@tagged("post_install", "-at_install")
class TestLeagueFigures(CommunityCase):
    """The league tables: weighted totals, no figure where there is nothing to
    measure, a rank, and each manager's territory only. The expected figures
    are computed here from the events themselves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Area = cls.env["community.area"]
        cls.third_community = Area.create(
            {"name": "测试南社区", "area_type": "community", "parent_id": cls.street.id}
        )
        cls.far_community = Area.create(
            {"name": "另一社区", "area_type": "community", "parent_id": cls.other_street.id}
        )
        Grid = cls.env["community.grid"]
        grids = {
            cls.community: cls.grid,
            cls.other_community: cls.other_grid,
            cls.third_community: Grid.create(
                {"name": "测试南网格", "community_id": cls.third_community.id}
            ),
            cls.far_community: Grid.create(
                {"name": "另一网格", "community_id": cls.far_community.id}
            ),
        }
        cls.category = cls.env["community.event.category"].create(
            {"name": "测试类别", "sla_amount": 2, "sla_unit": "days"}
        )
        cls.department = cls.env["community.department"].create({"name": "测试城管中队"})
        cls.idle_department = cls.env["community.department"].create({"name": "测试住建办"})
        now = fields.Datetime.now()
        # (community, handled on time?, hours, rating): None = not handled
        plan = [
            (cls.community, True, 4.0, 5),
            (cls.community, True, 6.0, 4),
            (cls.community, False, 30.0, 0),
            (cls.community, None, 0.0, 0),
            (cls.other_community, False, 50.0, 1),
            (cls.third_community, None, 0.0, 0),
            (cls.far_community, True, 1.0, 5),
        ]
        cls.events = cls.env["community.event"]
        for community, on_time, hours, rating in plan:
            event = cls.env["community.event"].create(
                {
                    "title": "测试事件",
                    "description": "测试",
                    "category_id": cls.category.id,
                    "grid_id": grids[community].id,
                    "reporter_type": "grid_worker",
                }
            )
            if on_time is not None:
                event.write(
                    {
                        "state": "handled",
                        "date_handled": now,
                        "handled_on_time": on_time,
                        "on_time_rate": 100.0 if on_time else 0.0,
                        "handling_hours": hours,
                        "rating": rating,
                    }
                )
            cls.events |= event
        # the street summons the department to two events, one answered
        tasks = cls.env["community.event.task"].create(
            [
                {"event_id": cls.events[0].id, "department_id": cls.department.id},
                {"event_id": cls.events[1].id, "department_id": cls.department.id},
                {"event_id": cls.events[2].id, "department_id": cls.idle_department.id},
                {"event_id": cls.events[6].id, "department_id": cls.department.id},
            ]
        )
        tasks[0].write(
            {"state": "answered", "date_answered": tasks[0].create_date + timedelta(hours=3)}
        )
        cls.manager.community_area_ids = cls.street
        cls.env["community.event.league"].invalidate_model()

    def _expected(self, events):
        """(on-time %, average hours, average rating) of events, or None."""
        timed = events.filtered("date_handled")
        rated = events.filtered(lambda e: e.rating > 0)
        on_time = 100.0 * len(timed.filtered("handled_on_time")) / len(timed) if timed else None
        hours = sum(timed.mapped("handling_hours")) / len(timed) if timed else None
        rating = sum(rated.mapped("rating")) / len(rated) if rated else None
        return on_time, hours, rating

    def test_community_league_weighted_and_scoped(self):
        League = self.env["community.event.league"].with_user(self.manager)
        rows = League.search([])
        # the manager's street only: not the community of the other street
        self.assertEqual(
            set(rows.community_id.ids),
            {self.community.id, self.other_community.id, self.third_community.id},
        )
        street_events = self.events.filtered(lambda e: e.street_id == self.street)
        on_time, hours, rating = self._expected(street_events)
        [(street, got_on_time, got_hours, got_rating, count)] = League._read_group(
            [],
            ["street_id"],
            ["on_time_rate:avg", "avg_handling_hours:avg", "avg_rating:avg", "event_count:sum"],
        )
        self.assertEqual(street, self.street)
        self.assertEqual(count, len(street_events))
        # weighted: 2 of 4 handled events on time is 50 %, whatever the mean of
        # the communities' rates (66.7 and 0) would say
        self.assertAlmostEqual(got_on_time, on_time)
        self.assertAlmostEqual(got_on_time, 50.0)
        self.assertAlmostEqual(got_hours, hours)
        self.assertAlmostEqual(got_rating, rating)
        self.assertAlmostEqual(got_rating, (5 + 4 + 1) / 3)
        # a community with nothing handled nor rated has no figure, not a 0
        idle = rows.filtered(lambda r: r.community_id == self.third_community)
        self.assertEqual(
            idle._empty_figures(), {"on_time_rate", "avg_handling_hours", "avg_rating"}
        )
        self.env.cr.execute(
            "SELECT on_time_rate, avg_rating, rank FROM community_event_league WHERE id = %s",
            [idle.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (None, None, 3))
        # the rank within the street: best on-time rate first, no data last
        ranks = {row.community_id: row.rank for row in rows}
        self.assertEqual(ranks[self.community], 1)
        self.assertEqual(ranks[self.other_community], 2)
        self.assertEqual(ranks[self.third_community], 3)
        # the community's own figures, computed from its events
        own = rows.filtered(lambda r: r.community_id == self.community)
        expected = self._expected(self.events.filtered(lambda e: e.community_id == self.community))
        self.assertAlmostEqual(own.on_time_rate, expected[0])
        self.assertAlmostEqual(own.avg_rating, expected[2])

    def test_department_league_no_answer_is_no_figure(self):
        League = self.env["community.department.league"].with_user(self.manager)
        rows = League.search([])
        # the event of the other street is not the manager's
        self.assertEqual(rows.street_id, self.street)
        self.assertEqual(rows.department_id, self.department | self.idle_department)
        idle = rows.filtered(lambda r: r.department_id == self.idle_department)
        self.assertEqual(idle._empty_figures(), {"avg_answer_hours"})
        self.env.cr.execute(
            "SELECT avg_answer_hours FROM community_department_league WHERE id = %s", [idle.id]
        )
        self.assertIsNone(self.env.cr.fetchone()[0])
        busy = rows.filtered(lambda r: r.department_id == self.department)
        self.assertEqual((busy.task_count, busy.answered_count), (2, 1))
        self.assertAlmostEqual(busy.answered_rate, 50.0)
        self.assertAlmostEqual(busy.avg_answer_hours, 3.0, places=3)
        # weighted over the street: one task answered out of three
        [(rate,)] = League._read_group([], [], ["answered_rate:avg"])
        self.assertAlmostEqual(rate, 100.0 / 3)

    def test_event_analysis_groups_states_in_workflow_order(self):
        groups = self.env["community.event"]._read_group(
            [("id", "in", self.events.ids)], ["state"], ["__count"]
        )
        keys = [key for key, _label in self.env["community.event"]._fields["state"].selection]
        states = [state for state, _count in groups]
        self.assertEqual(states, sorted(states, key=keys.index))
        self.assertEqual(states, ["new", "handled"])

    def test_staff_without_territory_sees_no_meeting_of_others(self):
        """An area report filtered on the user's territory (in_my_territory)."""
        stranger = new_test_user(
            self.env,
            login="t_figures_staff",
            groups="base.group_user,community_grid.group_community_staff",
        )
        stranger.community_area_ids = self.far_community
        Area = self.env["community.area"].with_user(stranger)
        mine = Area.search([("in_my_territory", "=", True), ("area_type", "=", "community")])
        self.assertEqual(mine, self.far_community)
        manager_areas = (
            self.env["community.area"]
            .with_user(self.manager)
            .search([("in_my_territory", "=", True), ("area_type", "=", "community")])
        )
        self.assertIn(self.community, manager_areas)
        self.assertNotIn(self.far_community, manager_areas)
