from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestLedger(VolunteerCase):
    def test_balance_is_sum_of_lines(self):
        self._served(self.profile, hours=2)
        self.profile._award_bonus(15, "好人好事")
        self.env["volunteer.redemption"]._redeem(self.profile, self.reward)
        self.assertEqual(self.profile.points_balance, 20 + 15 - 30)
        self.assertEqual(self.profile.points_balance, self._ledger_sum(self.profile))
        kinds = sorted(self.profile.point_line_ids.mapped("kind"))
        self.assertEqual(kinds, ["bonus", "earn", "spend"])

    def test_lines_never_written_or_deleted(self):
        self._served(self.profile, hours=2)
        line = self.profile.point_line_ids
        users = [self.portal_user, self.grid_worker, self.leader, self.staff, self.manager]
        admin = self.env.ref("base.user_admin")
        for user in [*users, admin]:
            with self.subTest(user=user.login):
                # AccessError is a UserError: either way the line stays
                with self.assertRaises(UserError):
                    line.with_user(user).write({"points": 999})
                with self.assertRaises(UserError):
                    line.with_user(user).unlink()
        # not even the superuser
        with self.assertRaisesRegex(UserError, "never changed"):
            line.sudo().write({"points": 999})
        with self.assertRaisesRegex(UserError, "never deleted"):
            line.sudo().unlink()
        self.assertEqual(line.points, 20)
        self.assertEqual(self.profile.points_balance, 20)

    def test_lines_only_created_by_business_methods(self):
        vals = {"profile_id": self.profile.id, "kind": "bonus", "points": 100, "name": "自己加分"}
        with self.assertRaisesRegex(UserError, "only written by"):
            self.env["volunteer.point.line"].sudo().create(vals)
        with self.assertRaises(UserError):
            self.env["volunteer.point.line"].with_user(self.staff).create(vals)
        self.assertFalse(self.profile.point_line_ids)
        with self.assertRaises(UserError):
            self.profile.sudo().write({"points_balance": 100})
        self.assertEqual(self.profile.points_balance, 0)

    def test_bonus_reversal(self):
        bonus = self.profile._award_bonus(10, "协助调解")
        with self.assertRaises(AccessError):
            bonus.with_user(self.grid_worker).action_reverse()
        bonus.with_user(self.staff).action_reverse()
        self.assertTrue(bonus.is_reversed)
        reversal = self.profile.point_line_ids.filtered(lambda line: line.kind == "reversal")
        self.assertEqual(reversal.points, -10)
        self.assertEqual(reversal.reversed_line_id, bonus)
        self.assertEqual(reversal.acting_user_id, self.staff)
        self.assertEqual(bonus.points, 10, "the original line is untouched")
        self.assertEqual(self.profile.points_balance, 0)
        with self.assertRaisesRegex(UserError, "already"):
            bonus.with_user(self.staff).action_reverse()
        with self.assertRaisesRegex(UserError, "positive"):
            self.profile._award_bonus(-5, "扣分")
        with self.assertRaisesRegex(UserError, "why"):
            self.profile._award_bonus(5, " ")

    def test_reset_hours_reverses_points(self):
        registration = self._served(self.profile, hours=2)
        self.assertEqual(self.profile.hours_confirmed, 2)
        registration.with_user(self.leader).action_reset_hours()
        self.assertEqual(registration.hours_state, "to_confirm")
        self.assertEqual(self.profile.points_balance, 0)
        self.assertEqual(self.profile.hours_confirmed, 0)
        self.assertEqual(len(registration.point_line_ids), 2)

    def test_reversal_cannot_overdraw(self):
        registration = self._served(self.profile, hours=3)
        self.env["volunteer.redemption"]._redeem(self.profile, self.reward)
        with self.assertRaises(UserError) as refusal:  # savepoint: the refusal is rolled back
            registration.with_user(self.leader).action_reset_hours()
        self.assertIn("balance is too low", str(refusal.exception))
        self.assertEqual(registration.hours_state, "confirmed")
        self.assertEqual(self.profile.points_balance, 0)
        self.assertEqual(self._ledger_sum(self.profile), 0)
        self.assertFalse(registration.point_line_ids.filtered(lambda line: line.kind == "reversal"))

    def test_referral_bonus_once(self):
        activity = self._activity(self.now - timedelta(days=2), hours=2, name="推荐活动")
        registration = self._served(
            self.neighbour_profile, hours=2, activity=activity, confirm=False
        )
        registration.referrer_id = self.profile
        registration.action_confirm_hours()
        self.assertEqual(self.profile.points_balance, 5)
        second = self._served(self.neighbour_profile, hours=1, confirm=False)
        second.referrer_id = self.profile
        second.action_confirm_hours()
        self.assertEqual(self.profile.points_balance, 5, "one bonus per newcomer")

    def test_expiry_oldest_points_first(self):
        Profile = self.env["volunteer.profile"]
        old = self._served(self.profile, hours=5)  # 50 points, expire in 12 months
        self.assertEqual(
            old.point_line_ids.expiry_date, fields.Date.today() + relativedelta(months=12)
        )
        self.env["volunteer.redemption"]._redeem(self.profile, self.reward)  # -30
        self.team.points_expiry_months = 24
        self._served(self.profile, hours=2)  # +20, expire in 24 months
        self.assertEqual(self.profile.points_balance, 40)
        self.assertFalse(Profile._cron_expire_points(), "nothing is due yet")
        # 13 months later the 50 old points are due; 30 of them were spent
        later = fields.Date.today() + relativedelta(months=13)
        expired = Profile._cron_expire_points(today=later)
        self.assertEqual(expired.kind, "expire")
        self.assertEqual(expired.points, -20)
        self.assertEqual(self.profile.points_balance, 20)
        self.assertEqual(self.profile.points_balance, self._ledger_sum(self.profile))
        self.assertFalse(Profile._cron_expire_points(today=later), "expired only once")
        # 25 months later the rest goes too
        Profile._cron_expire_points(today=later + relativedelta(months=12))
        self.assertEqual(self.profile.points_balance, 0)

    def test_star_levels_with_public_notice(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "community_volunteer.star_thresholds", "3, 5"
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "community_volunteer.star_notice_days", "7"
        )
        self._served(self.profile, hours=2)
        self.assertEqual((self.profile.star_level, self.profile.star_pending_level), (0, 0))
        self._served(self.profile, hours=1.5)
        self.assertEqual(self.profile.star_pending_level, 1)
        self.assertEqual(
            self.profile.star_notice_until,
            fields.Date.context_today(self.profile) + timedelta(days=7),
        )
        self.assertFalse(self.env["volunteer.profile"]._cron_award_stars())
        self.assertEqual(self.profile.star_level, 0, "not before the notice ends")
        self.profile.with_context(volunteer_ledger_post=True).write(
            {"star_notice_until": fields.Date.today() - timedelta(days=1)}
        )
        awarded = self.env["volunteer.profile"]._cron_award_stars()
        self.assertEqual(awarded, self.profile)
        self.assertEqual((self.profile.star_level, self.profile.star_pending_level), (1, 0))
        # hours before the platform count too
        self.profile.hours_initial = 10
        self._served(self.profile, hours=1)
        self.assertEqual(self.profile.star_pending_level, 2)
        self.profile.with_user(self.staff).action_withdraw_star_notice()
        self.assertEqual(self.profile.star_pending_level, 0)

    def test_default_thresholds(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "community_volunteer.star_thresholds", "not numbers"
        )
        Profile = self.env["volunteer.profile"]
        self.assertEqual(Profile._get_star_thresholds(), [100, 300, 600, 1000, 1500])
        self.assertEqual(Profile._star_level_for(650), 3)
        self.assertEqual(Profile._star_level_for(99.5), 0)
