from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GovernanceCase


@tagged("post_install", "-at_install")
class TestCockpit(GovernanceCase):
    """The cockpit's figures equal counts made independently from the
    records, each figure opens the records behind it, and each role sees its
    own territory only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Event = cls.env["community.event"]
        now = fields.Datetime.now()
        cls.month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        cls.on_time = cls._make_event("按时办结")
        cls.on_time.action_accept()
        cls.on_time.write({"outcome": "resolved", "answer": "已修复"})
        cls.on_time.action_handle()
        cls.on_time.with_user(cls.resident).sudo().action_rate(4)
        cls.late = cls._make_event("超期未办")
        cls.late.action_accept()
        cls.late.sudo().write({"deadline": now - timedelta(days=2)})
        cls.handed = cls._make_event("移交调解")
        cls.handed.action_accept()
        cls.handed.action_create_mediation_case()
        cls.handed.sudo().write({"deadline": now - timedelta(days=2)})
        cls.old = cls._make_event("上期事件")
        cls.old.sudo().write({"date_reported": cls.month_start - timedelta(days=3)})
        cls.problem = cls._make_event("反复投诉")
        cls.problem.sudo().write({"problem_case": True})
        # mediation: one more case, settled, and a high-risk one
        Case = cls.env["mediation.case"]
        cls.settled = Case.create(
            {"subject": "停车纠纷", "description": "车位占用", "community_id": cls.community.id}
        )
        cls.settled.sudo().write({"state": "concluded", "outcome": "reached"})
        cls.risky = Case.create(
            {
                "subject": "宅基地纠纷",
                "description": "可能激化",
                "community_id": cls.community.id,
                "risk_level": "high",
            }
        )
        # party: an in-service member and two service hours this month
        member = cls.env["party.member"].create(
            {
                "partner_id": cls.env["res.partner"].create({"name": "在职党员"}).id,
                "organization_id": cls.committee.id,
                "member_type": "in_service",
                "employer_id": cls.env["res.partner"]
                .create({"name": "区卫健局", "is_company": True})
                .id,
            }
        )
        cls.env["party.service.log"].create({"member_id": member.id, "hours": 2.5})
        # events of the other community are not this community's figures
        Event.create(
            {
                "title": "西社区事件",
                "description": "x",
                "category_id": cls.category.id,
                "grid_id": cls.other_grid.id,
            }
        )

    @classmethod
    def _make_event(cls, title):
        return cls.env["community.event"].create(
            {
                "title": title,
                "description": title,
                "category_id": cls.category.id,
                "grid_id": cls.grid.id,
                "reporter_type": "resident",
                "reporter_id": cls.resident.partner_id.id,
            }
        )

    def _row(self, user=None, community=None, period="month"):
        Cockpit = self.env["governance.cockpit"]
        if user:
            Cockpit = Cockpit.with_user(user)
        return Cockpit.search(
            [("community_id", "=", (community or self.community).id), ("period", "=", period)]
        )

    def test_figures_equal_independent_counts(self):
        row = self._row(self.staff)
        self.assertEqual(len(row), 1)
        Event = self.env["community.event"]
        mine = [("community_id", "=", self.community.id)]
        month = [("date_reported", ">=", self.month_start)]
        self.assertEqual(row.events_reported, Event.search_count(mine + month))
        self.assertEqual(row.events_reported, 4)  # on_time, late, handed, problem
        self.assertEqual(row.events_reported_prev, 1)
        self.assertEqual(
            row.events_closed,
            Event.search_count(
                [
                    *mine,
                    ("state", "in", ("handled", "closed")),
                    ("date_handled", ">=", self.month_start),
                ]
            ),
        )
        self.assertEqual(row.events_closed, 1)
        overdue = Event.search([*mine, ("sla_state", "=", "overdue")])
        self.assertEqual(overdue, self.late)  # not the event in mediation
        self.assertEqual(row.events_overdue, 1)
        self.assertEqual(row.events_transferred, 1)
        self.assertEqual(row.on_time_rate, 100.0)
        self.assertEqual(row.satisfaction, 4.0)
        self.assertEqual(row.problem_cases, 1)
        Case = self.env["mediation.case"]
        self.assertEqual(row.cases_received, Case.search_count(mine))
        self.assertEqual(row.cases_received, 3)
        self.assertEqual(row.cases_agreement, 1)
        self.assertEqual(row.case_success_rate, 100.0)
        self.assertEqual(row.cases_high_risk, 1)
        self.assertEqual(row.in_service_members, 1)
        self.assertEqual(row.party_hours, 2.5)
        self.assertEqual(row.committees_total, self.env["owners.committee"].search_count(mine))
        self.assertEqual(row.grids_total, self.env["community.grid"].search_count(mine))
        residents = self.env["res.partner"].search_count(
            [("resident_community_id", "=", self.community.id), ("is_resident", "=", True)]
        )
        self.assertEqual(row.residents, residents)

    def test_every_figure_drills_down(self):
        row = self._row(self.manager)
        Event = self.env["community.event"].with_user(self.manager)
        action = row.action_open_events_overdue()
        self.assertEqual(action["res_model"], "community.event")
        self.assertEqual(Event.search(action["domain"]), self.late)
        action = row.action_open_events_reported()
        self.assertEqual(len(Event.search(action["domain"])), row.events_reported)
        action = row.action_open_events_reported_prev()
        self.assertEqual(Event.search(action["domain"]), self.old)
        action = row.action_open_events_transferred()
        self.assertEqual(Event.search(action["domain"]), self.handed)
        action = row.action_open_problem_cases()
        self.assertEqual(Event.search(action["domain"]), self.problem)
        action = row.action_open_cases_high_risk()
        self.assertEqual(self.env["mediation.case"].search(action["domain"]), self.risky)
        action = row.action_open_party_hours()
        self.assertEqual(
            sum(self.env["party.service.log"].search(action["domain"]).mapped("hours")), 2.5
        )

    def test_scoping_per_role(self):
        Cockpit = self.env["governance.cockpit"]
        mine = Cockpit.with_user(self.staff).search([])
        self.assertEqual(mine.community_id, self.community)
        self.assertEqual(set(mine.mapped("period")), {"month", "quarter", "year"})
        street = Cockpit.with_user(self.manager).search([])
        self.assertEqual(street.community_id, self.community | self.other_community)
        other_staff = new_test_user(
            self.env,
            login="t_gov_staff2",
            groups="base.group_user,community_grid.group_community_staff",
        )
        other_staff.community_area_ids = self.other_community
        self.assertFalse(self._row(other_staff))
        for user in (self.grid_worker, self.party_worker, self.portal_user):
            with self.assertRaises(AccessError):
                Cockpit.with_user(user).search([])
