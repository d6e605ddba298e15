from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CommunityCase, new_test_user

# Monday 23 November 2026, 09:00 in Beijing (01:00 UTC).
MONDAY_9 = datetime(2026, 11, 23, 1, 0)


@tagged("post_install", "-at_install")
class TestCommunityEvent(CommunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.env["ir.config_parameter"].sudo().set_param("community_grid.event_reopen_days", 7)
        cls.department_user = new_test_user(
            cls.env,
            login="t_department",
            groups="base.group_user,community_grid.group_department_member",
        )
        cls.department = cls.env["community.department"].create(
            {"name": "测试城管中队", "member_ids": [Command.set(cls.department_user.ids)]}
        )
        cls.other_department = cls.env["community.department"].create({"name": "测试住建办"})
        cls.cat_hours = cls.env["community.event.category"].create(
            {
                "name": "安全隐患",
                "sla_amount": 8,
                "sla_unit": "hours",
                "department_id": cls.department.id,
            }
        )
        cls.cat_days = cls.env["community.event.category"].create(
            {"name": "环境卫生", "sla_amount": 2, "sla_unit": "days"}
        )
        cls.manager.community_area_ids = cls.street

    def _event(self, **vals):
        values = {
            "title": "楼道灯损坏",
            "description": "三楼至六楼楼道灯不亮",
            "category_id": self.cat_hours.id,
            "grid_id": self.grid.id,
            "reporter_type": "resident",
            "reporter_id": self.resident.id,
        }
        values.update(vals)
        return self.env["community.event"].create(values)

    # ------------------------------------------------------------------
    # SLA
    # ------------------------------------------------------------------

    @freeze_time(MONDAY_9)
    def test_deadline_in_working_time(self):
        event = self._event()
        self.assertTrue(event.name.startswith("SJ2026"))
        self.assertEqual(event.community_id, self.community, "derived from the grid")
        # 8 working hours from Monday 9:00: 7 on Monday, the 8th ends Tuesday 9:00.
        self.assertEqual(event.deadline, datetime(2026, 11, 24, 1, 0))
        self.assertEqual(event.sla_state, "on_time")
        # a category in days is planned in days of the calendar (2 × 8 h)
        event.category_id = self.cat_days
        self.assertEqual(event.deadline, datetime(2026, 11, 25, 1, 0), "recomputed on change")
        self.assertEqual(event.sla_hours, 16)

    def test_deadline_status(self):
        with freeze_time(MONDAY_9):
            event = self._event()
        with freeze_time(datetime(2026, 11, 23, 23, 30)):  # Tuesday 7:30 Beijing
            self.assertEqual(event.sla_state, "due_soon")
            self.assertIn(
                event, self.env["community.event"].search([("sla_state", "=", "due_soon")])
            )
        with freeze_time(datetime(2026, 11, 24, 2, 0)):
            event.invalidate_recordset(["sla_state"])
            self.assertEqual(event.sla_state, "overdue")
            self.assertIn(
                event, self.env["community.event"].search([("sla_state", "=", "overdue")])
            )
            self.assertNotIn(
                event, self.env["community.event"].search([("sla_state", "=", "on_time")])
            )

    def test_waiting_pauses_the_clock(self):
        with freeze_time(MONDAY_9):
            event = self._event()
            event.action_accept()
        with freeze_time(datetime(2026, 11, 23, 2, 0)):  # Monday 10:00: 7 h left
            event.action_wait()
            self.assertEqual(event.state, "waiting")
        with freeze_time(datetime(2026, 11, 25, 0, 0)):  # Wednesday 8:00
            event.action_resume()
            self.assertEqual(event.state, "accepted")
            # 7 working hours from Wednesday 8:00 end at 16:00 Beijing
            self.assertEqual(event.deadline, datetime(2026, 11, 25, 8, 0))

    # ------------------------------------------------------------------
    # the closed loop
    # ------------------------------------------------------------------

    def test_closed_loop_with_escalation(self):
        event = self._event()
        with self.assertRaises(UserError):
            event.action_whistle()  # not accepted yet
        event.with_user(self.grid_worker).action_accept()
        self.assertEqual(event.user_id, self.grid_worker)
        event.with_user(self.staff).action_whistle()
        self.assertEqual(event.state, "whistled")
        self.assertEqual(event.task_ids.department_id, self.department, "the category's department")
        event.write({"outcome": "resolved", "answer": "已更换灯具"})
        with self.assertRaisesRegex(UserError, "测试城管中队"):
            event.action_handle()  # the department has not answered
        task = event.task_ids.with_user(self.department_user)
        with self.assertRaises(UserError):
            task.action_answer()  # empty answer
        task.answer = "已派员现场处置"
        task.action_answer()
        self.assertEqual(task.state, "answered")
        self.assertEqual(task.answered_by_id, self.department_user)
        event.action_handle()
        self.assertEqual(event.state, "handled")
        self.assertTrue(event.handled_on_time)
        self.assertEqual(event.on_time_rate, 100)
        event.action_rate(4, "满意")
        self.assertEqual((event.state, event.rating), ("closed", 4))

    def test_escalation_needs_a_department(self):
        event = self._event(category_id=self.cat_days.id)
        event.action_accept()
        with self.assertRaisesRegex(UserError, "at least one department"):
            event.action_whistle()
        self.assertEqual(event.state, "accepted", "nothing half-done")

    def test_handling_needs_outcome_and_answer(self):
        event = self._event()
        event.action_accept()
        with self.assertRaisesRegex(UserError, "outcome"):
            event.action_handle()
        event.write({"outcome": "no_action", "answer": "属私人产权，已告知居民联系物业"})
        event.action_handle()
        self.assertEqual(event.outcome, "no_action")

    def test_rating_is_one_to_five(self):
        event = self._event()
        event.action_accept()
        event.write({"outcome": "resolved", "answer": "已处理"})
        event.action_handle()
        with self.assertRaises(UserError):
            event.action_rate(6)
        self.assertEqual(event.state, "handled")

    def test_reopen_restarts_the_clock_and_counts(self):
        with freeze_time(MONDAY_9):
            event = self._event()
        for count in (1, 2, 3):
            with freeze_time(datetime(2026, 11, 23 + count, 1, 0)):
                if event.state == "new":
                    event.action_accept()
                event.write({"outcome": "partly", "answer": f"第{count}次处理"})
                event.action_handle()
                event.action_reopen("问题依旧")
                self.assertEqual(event.reopen_count, count)
                self.assertEqual(event.state, "accepted")
                self.assertEqual(event.date_clock_start, datetime(2026, 11, 23 + count, 1, 0))
                self.assertFalse(event.outcome)
        self.assertTrue(event.problem_case, "three reopenings make a problem case")
        activities = event.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertTrue(activities, "the street manager is told")

    def test_reopen_only_within_the_window(self):
        with freeze_time(MONDAY_9):
            event = self._event()
            event.action_accept()
            event.write({"outcome": "resolved", "answer": "已处理"})
            event.action_handle()
        with freeze_time(datetime(2026, 12, 5, 1, 0)):
            with self.assertRaisesRegex(UserError, "within 7 days"):
                event.action_reopen()
        self.assertEqual(event.reopen_count, 0)

    def test_location_must_agree(self):
        with self.assertRaisesRegex(Exception, "not in"):
            self._event(grid_id=self.other_grid.id, community_id=self.community.id)

    # ------------------------------------------------------------------
    # supervision cron
    # ------------------------------------------------------------------

    def test_cron_reminds_then_supervises(self):
        with freeze_time(MONDAY_9):
            event = self._event()
            event.action_accept()
        Event = self.env["community.event"]
        with freeze_time(datetime(2026, 11, 24, 2, 0)):  # one hour overdue
            Event._cron_supervise_overdue()
            self.assertTrue(event.reminded)
            self.assertFalse(event.supervised)
            reminder = event.activity_ids.filtered(lambda a: a.user_id == event.user_id)
            self.assertEqual(len(reminder), 1)
            Event._cron_supervise_overdue()
            self.assertEqual(len(event.activity_ids), 1, "reminded once")
        with freeze_time(datetime(2026, 11, 25, 3, 0)):  # past the 24 h grace
            Event._cron_supervise_overdue()
            self.assertTrue(event.supervised)
            self.assertTrue(event.activity_ids.filtered(lambda a: a.user_id == self.manager))

    # ------------------------------------------------------------------
    # access
    # ------------------------------------------------------------------

    def test_grid_worker_own_grids_only(self):
        mine = self._event()
        other = self._event(grid_id=self.other_grid.id)
        Event = self.env["community.event"].with_user(self.grid_worker)
        self.assertIn(mine, Event.search([]))
        self.assertNotIn(other, Event.search([]))
        created = Event.create(
            {
                "title": "井盖缺失",
                "description": "1栋门口井盖缺失",
                "category_id": self.cat_hours.id,
                "grid_id": self.grid.id,
            }
        )
        self.assertEqual(created.user_id, self.grid_worker)
        with self.assertRaises(AccessError):
            other.with_user(self.grid_worker).title = "越权"
        with self.assertRaises(AccessError):
            Event.create(
                {
                    "title": "越权上报",
                    "description": "-",
                    "category_id": self.cat_hours.id,
                    "grid_id": self.other_grid.id,
                }
            )

    def test_staff_community_and_manager_street(self):
        mine = self._event()
        other = self._event(grid_id=self.other_grid.id)
        self.assertIn(mine, self.env["community.event"].with_user(self.staff).search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.staff).read(["title"])
        both = self.env["community.event"].with_user(self.manager).search([])
        self.assertIn(mine, both)
        self.assertIn(other, both)
        with self.assertRaises(AccessError):
            mine.with_user(self.staff).unlink()

    def test_department_sees_only_what_is_summoned(self):
        event = self._event()
        quiet = self._event()
        event.action_accept()
        event.action_whistle()
        Event = self.env["community.event"].with_user(self.department_user)
        self.assertEqual(Event.search([]), event)
        with self.assertRaises(AccessError):
            event.with_user(self.department_user).title = "部门改标题"
        with self.assertRaises(AccessError):
            quiet.with_user(self.department_user).read(["title"])

    def test_portal_resident_own_reports_only(self):
        mine = self._event()
        other = self._event(reporter_id=self.env["res.partner"].create({"name": "别人"}).id)
        Event = self.env["community.event"].with_user(self.portal_user)
        self.assertEqual(Event.search([]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.portal_user).read(["title"])
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_user).write({"title": "改"})

    # ------------------------------------------------------------------
    # league table
    # ------------------------------------------------------------------

    def test_league_table(self):
        with freeze_time(MONDAY_9):
            handled = self._event()
            handled.action_accept()
            handled.write({"outcome": "resolved", "answer": "已处理"})
            handled.action_handle()
            handled.action_rate(4)
            self._event()  # open
            self._event(grid_id=self.other_grid.id)
        self.env.flush_all()
        League = self.env["community.event.league"]
        row = League.search([("community_id", "=", self.community.id)])
        self.assertEqual((row.event_count, row.open_count, row.handled_count), (2, 1, 1))
        self.assertEqual(row.on_time_rate, 100)
        self.assertEqual(row.avg_rating, 4)
        self.assertEqual(row.street_id, self.street)
        mine = League.with_user(self.staff).search([])
        self.assertIn(self.community, mine.community_id)
        self.assertNotIn(self.other_community, mine.community_id)
        with self.assertRaises(AccessError):
            League.with_user(self.grid_worker).search([])
