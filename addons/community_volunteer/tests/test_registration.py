from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestRegistration(VolunteerCase):
    def test_waiting_list_and_promotion(self):
        first = self.activity._sign_up(self.profile)
        second = self.activity._sign_up(self.neighbour_profile)
        third = self.activity._sign_up(self.elder_profile)
        self.assertEqual(
            (first.state, second.state, third.state), ("registered", "registered", "waiting")
        )
        self.assertEqual(self.activity.seats_taken, 2)
        self.assertEqual(self.activity.waiting_count, 1)
        with self.assertRaises(ValidationError):  # rolls the savepoint back
            self.activity._sign_up(self.profile)
        second.action_cancel()
        self.assertEqual(second.state, "cancelled")
        self.assertEqual(third.state, "registered", "the waiting volunteer moves up")
        self.assertEqual(self.activity.waiting_count, 0)

    def test_sign_up_refusals(self):
        self.activity.registration_deadline = self.now - timedelta(hours=1)
        with self.assertRaisesRegex(UserError, "has closed"):
            self.activity._sign_up(self.profile)
        draft = self._activity(self.now + timedelta(days=3), state="draft")
        with self.assertRaisesRegex(UserError, "not open"):
            draft._sign_up(self.profile)
        other = self._activity(self.now + timedelta(days=3), team=self.other_team)
        with self.assertRaisesRegex(UserError, "for volunteers of"):
            other._sign_up(self.profile)
        self.assertFalse(
            self.env["volunteer.registration"].search([("profile_id", "=", self.profile.id)])
        )

    def test_cancellation_deadline(self):
        soon = self._activity(self.now + timedelta(hours=5), cancel_deadline_hours=24)
        registration = soon._sign_up(self.profile)
        with self.assertRaisesRegex(UserError, "Cancellation closed"):
            registration.with_user(self.portal_user).sudo().action_cancel()
        self.assertEqual(registration.state, "registered")
        # the team leader may still cancel it
        registration.with_user(self.leader).action_cancel()
        self.assertEqual(registration.state, "cancelled")

    def test_hours_capped_at_activity_length(self):
        activity = self._activity(self.now - timedelta(days=1), hours=2, name="两小时活动")
        registration = self._served(self.profile, hours=3.5, activity=activity, confirm=False)
        self.assertAlmostEqual(registration.hours_raw, 3.5)
        self.assertEqual(registration.hours, 2.0)
        self.assertEqual(registration.points, 20)
        self.assertTrue(registration.anomaly_over_cap)
        self.assertTrue(registration.has_anomaly)
        normal = self._served(self.neighbour_profile, hours=1.5, activity=activity, confirm=False)
        self.assertEqual(normal.hours, 1.5)
        self.assertFalse(normal.has_anomaly)

    def test_points_cap_per_activity(self):
        activity = self._activity(
            self.now - timedelta(days=1), hours=4, points_cap=25, name="封顶活动"
        )
        registration = self._served(self.profile, hours=4, activity=activity)
        self.assertEqual(registration.points, 25)
        self.assertEqual(self.profile.points_balance, 25)

    def test_check_in_out_by_leader(self):
        activity = self._activity(self.now - timedelta(minutes=30), hours=2, name="进行中活动")
        registration = self.env["volunteer.registration"].create(
            {"activity_id": activity.id, "profile_id": self.profile.id}
        )
        registration.with_user(self.leader).action_check_in()
        self.assertEqual(registration.state, "attended")
        self.assertEqual(registration.checked_in_by, "leader")
        with self.assertRaisesRegex(UserError, "cannot check in"):
            registration.with_user(self.leader).action_check_in()
        registration.with_user(self.leader).action_check_out()
        self.assertEqual(registration.hours_state, "to_confirm")
        self.assertTrue(registration.check_out)

    def test_check_in_window(self):
        registration = self.activity._sign_up(self.profile)  # starts in two days
        with self.assertRaisesRegex(UserError, "opens one hour before"):
            registration.action_check_in()
        self.assertEqual(registration.state, "registered")

    def test_qr_check_in_token(self):
        activity = self._activity(self.now - timedelta(minutes=10), hours=2, name="扫码活动")
        registration = self.env["volunteer.registration"].create(
            {"activity_id": activity.id, "profile_id": self.profile.id}
        )
        with self.assertRaisesRegex(UserError, "not valid"):
            activity._check_in_by_token("forged-token", self.profile)
        self.assertFalse(registration.check_in)
        activity.with_context(volunteer_qr=True)._check_in_by_token(
            activity.checkin_token, self.profile
        )
        self.assertEqual(registration.checked_in_by, "qr")
        activity._check_in_by_token(activity.checkin_token, self.profile)
        self.assertTrue(registration.check_out)
        with self.assertRaisesRegex(UserError, "already checked out"):
            activity._check_in_by_token(activity.checkin_token, self.profile)
        with self.assertRaisesRegex(UserError, "not signed up"):
            activity._check_in_by_token(activity.checkin_token, self.neighbour_profile)
        old_token = activity.checkin_token
        activity.action_reset_token()
        self.assertNotEqual(activity.checkin_token, old_token)
        self.assertIn(activity.checkin_token, activity.checkin_url)

    def test_auto_checkout_flag(self):
        activity = self._activity(self.now - timedelta(hours=5), hours=2, name="忘记签退")
        registration = self.env["volunteer.registration"].create(
            {
                "activity_id": activity.id,
                "profile_id": self.profile.id,
                "state": "attended",
                "check_in": activity.date_start + timedelta(minutes=30),
            }
        )
        done = self.env["volunteer.registration"]._cron_auto_checkout()
        self.assertIn(registration, done)
        self.assertEqual(registration.check_out, activity.date_end)
        self.assertTrue(registration.anomaly_auto_checkout)
        self.assertEqual(registration.hours, 1.5)
        self.assertEqual(registration.hours_state, "to_confirm")

    def test_overlapping_activities_flagged(self):
        start = self.now - timedelta(days=1)
        first = self._activity(start, hours=3, name="活动一")
        second = self._activity(start + timedelta(hours=1), hours=3, name="活动二")
        reg_1 = self._served(self.profile, hours=3, activity=first, confirm=False)
        reg_2 = self.env["volunteer.registration"].create(
            {
                "activity_id": second.id,
                "profile_id": self.profile.id,
                "state": "attended",
                "check_in": second.date_start,
            }
        )
        reg_2.action_check_out()
        self.assertTrue(reg_2.anomaly_overlap)
        self.assertTrue(reg_1.anomaly_overlap)
        # the leader rejects the overlapping hours: no points
        reg_2.with_user(self.leader).action_reject_hours()
        self.assertEqual(reg_2.hours_state, "rejected")
        self.assertFalse(reg_2.point_line_ids)

    def test_confirm_requires_organiser(self):
        registration = self._served(self.profile, hours=2, confirm=False)
        with self.assertRaisesRegex(UserError, "team leader or staff"):
            registration.with_user(self.grid_worker).action_confirm_hours()
        registration.with_user(self.leader).action_confirm_hours()
        self.assertEqual(registration.hours_state, "confirmed")
        self.assertEqual(self.profile.hours_confirmed, 2.0)
        line = registration.point_line_ids
        self.assertEqual(line.points, 20)
        self.assertEqual(line.acting_user_id, self.leader)

    def test_activity_validation(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._activity(self.now, hours=-1)
        with self.assertRaisesRegex(ValidationError, "takes place in"):
            self._activity(self.now, area_id=self.other_community.id)
        activity = self._activity(self.now + timedelta(days=1), name="默认规则")
        self.assertEqual(activity.points_per_hour, 10)
        self.assertEqual(activity.registration_deadline, activity.date_start)

    def test_shift_template_generates_weeks_once(self):
        template = self.env["volunteer.shift.template"].create(
            {
                "name": "周六送餐",
                "team_id": self.team.id,
                "weekday": "5",
                "hour_start": 9.5,
                "duration": 2,
                "tz": "Asia/Shanghai",
                "weeks_ahead": 3,
                "capacity": 4,
            }
        )
        shifts = template.action_generate_shifts()
        self.assertIn(len(shifts), (2, 3))  # this week's may have passed
        self.assertTrue(all(shift.state == "published" for shift in shifts))
        for shift in shifts:
            self.assertEqual(shift.date_start.weekday(), 5)
            self.assertEqual((shift.date_start.hour, shift.date_start.minute), (1, 30))
            self.assertEqual(shift.duration_hours, 2)
        self.assertFalse(template.action_generate_shifts(), "no duplicate shifts")
        with self.assertRaisesRegex(ValidationError, "between 1 and 52 weeks"):
            template.weeks_ahead = 0
