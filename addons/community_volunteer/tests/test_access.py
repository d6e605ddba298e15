from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestVolunteerAccess(VolunteerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_activity = cls._activity(
            cls.now + timedelta(days=2), team=cls.other_team, name="西社区活动"
        )
        cls.other_reward = cls.env["volunteer.reward"].create(
            {
                "name": "西社区奖品",
                "community_id": cls.other_community.id,
                "points_price": 5,
                "stock": 1,
            }
        )

    def _visible(self, user, model):
        return self.env[model].with_user(user).search([])

    def test_team_leader_manages_own_team_activities(self):
        activity = self.activity.with_user(self.leader)
        activity.place = "党群服务中心"
        self.assertEqual(self.activity.place, "党群服务中心")
        new = (
            self.env["volunteer.activity"]
            .with_user(self.leader)
            .create(
                {
                    "name": "队长新建活动",
                    "team_id": self.team.id,
                    "date_start": self.now + timedelta(days=4),
                    "date_end": self.now + timedelta(days=4, hours=2),
                }
            )
        )
        self.assertEqual(new.community_id, self.community)
        self.assertNotIn(self.other_activity, self._visible(self.leader, "volunteer.activity"))
        with self.assertRaises(AccessError):
            self.other_activity.with_user(self.leader).place = "越权"
        with self.assertRaises(AccessError):
            self.env["volunteer.activity"].with_user(self.leader).create(
                {
                    "name": "别队活动",
                    "team_id": self.other_team.id,
                    "date_start": self.now + timedelta(days=4),
                    "date_end": self.now + timedelta(days=4, hours=2),
                }
            )
        with self.assertRaises(AccessError):
            self.activity.with_user(self.leader).unlink()

    def test_leader_confirms_hours_of_own_activities_only(self):
        mine = self._served(self.profile, hours=2, confirm=False)
        other = self._served(
            self.outsider_profile,
            hours=2,
            activity=self._activity(self.now - timedelta(days=1), team=self.other_team),
            confirm=False,
        )
        mine.with_user(self.leader).action_confirm_hours()
        self.assertEqual(mine.hours_state, "confirmed")
        with self.assertRaises(AccessError):
            other.with_user(self.leader).action_confirm_hours()
        self.assertEqual(other.hours_state, "to_confirm")
        leader_lines = self._visible(self.leader, "volunteer.point.line")
        self.assertEqual(leader_lines, mine.point_line_ids)

    def test_staff_their_community(self):
        self.assertIn(self.activity, self._visible(self.staff, "volunteer.activity"))
        self.assertNotIn(self.other_activity, self._visible(self.staff, "volunteer.activity"))
        profiles = self._visible(self.staff, "volunteer.profile")
        self.assertIn(self.profile, profiles)
        self.assertNotIn(self.outsider_profile, profiles)
        with self.assertRaises(AccessError):
            self.other_reward.with_user(self.staff).stock = 10
        self.reward.with_user(self.staff).stock = 9
        self.assertEqual(self.reward.stock, 9)
        self.assertIn(self.other_reward, self._visible(self.staff, "volunteer.reward"))

    def test_manager_their_street(self):
        self.assertIn(self.other_activity, self._visible(self.manager, "volunteer.activity"))
        self.assertIn(self.outsider_profile, self._visible(self.manager, "volunteer.profile"))
        outside = self.env["community.area"].create(
            {"name": "外街社区", "area_type": "community", "parent_id": self.other_street.id}
        )
        far_profile = self.env["volunteer.profile"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "外街志愿者"}).id,
                "community_id": outside.id,
            }
        )
        self.assertNotIn(far_profile, self._visible(self.manager, "volunteer.profile"))

    def test_grid_worker_their_grid(self):
        profiles = self._visible(self.grid_worker, "volunteer.profile")
        self.assertIn(self.elder_profile, profiles)
        self.assertNotIn(self.outsider_profile, profiles)
        with self.assertRaises(AccessError):
            self.activity.with_user(self.grid_worker).place = "改地点"
        with self.assertRaises(AccessError):
            self.reward.with_user(self.grid_worker).stock = 99

    def test_portal_sees_only_own(self):
        self._served(self.profile, hours=2)
        self._served(self.neighbour_profile, hours=3)
        redemption = self.env["volunteer.redemption"]._redeem(self.neighbour_profile, self.reward)
        user = self.portal_user
        self.assertEqual(self._visible(user, "volunteer.profile"), self.profile)
        self.assertEqual(self._visible(user, "volunteer.point.line").profile_id, self.profile)
        self.assertEqual(self._visible(user, "volunteer.registration").profile_id, self.profile)
        self.assertFalse(self._visible(user, "volunteer.redemption"))
        with self.assertRaises(AccessError):
            redemption.with_user(user).read(["points"])
        with self.assertRaises(AccessError):
            self.neighbour_profile.with_user(user).read(["points_balance"])
        with self.assertRaises(UserError):
            self.profile.with_user(user).write({"hours_initial": 500})
        with self.assertRaises(AccessError):
            self.env["volunteer.registration"].with_user(user).create(
                {"activity_id": self.activity.id, "profile_id": self.profile.id}
            )
        activities = self._visible(user, "volunteer.activity")
        self.assertIn(self.activity, activities)
        self.assertNotIn(self.other_activity, activities)
        self.assertEqual(self._visible(user, "volunteer.reward"), self.reward)
        with self.assertRaises(AccessError):
            self.activity.with_user(user).read(["checkin_token"])

    def test_plain_user_refused(self):
        for model in ("volunteer.profile", "volunteer.activity", "volunteer.registration"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.plain_user).search([])

    def test_withdraw_star_notice_staff_only(self):
        with self.assertRaises(AccessError):
            self.profile.with_user(self.grid_worker).action_withdraw_star_notice()
        with self.assertRaises(UserError):
            self.profile.with_user(self.staff).write({"star_level": 5})
