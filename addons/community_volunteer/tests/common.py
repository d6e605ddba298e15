from datetime import timedelta

from odoo import Command, fields

from odoo.addons.community_grid.tests.common import CommunityCase, new_test_user


class VolunteerCase(CommunityCase):
    """CommunityCase plus a team, residents with volunteer profiles, an activity
    and a reward in 测试东社区."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(
            cls.env,
            login="t_leader",
            groups="base.group_user,community_volunteer.group_team_leader",
        )
        cls.grid = cls.env["community.grid"].create(
            {
                "name": "测试网格",
                "community_id": cls.community.id,
                "worker_ids": [Command.set(cls.grid_worker.ids)],
            }
        )
        cls.building = cls.env["community.building"].create(
            {"name": "1栋", "estate_id": cls.estate.id, "grid_id": cls.grid.id}
        )
        Household = cls.env["community.household"]
        cls.household = Household.create({"building_id": cls.building.id, "room": "101"})
        cls.household_2 = Household.create({"building_id": cls.building.id, "room": "102"})
        cls.resident = cls.portal_user.partner_id
        cls.resident.write({"name": "测试居民甲", "household_id": cls.household.id})
        cls.neighbour = cls.env["res.partner"].create(
            {"name": "测试居民乙", "household_id": cls.household_2.id}
        )
        cls.neighbour_user = new_test_user(
            cls.env, login="t_resident2", groups="base.group_portal", partner_id=cls.neighbour.id
        )
        cls.neighbour.name = "测试居民乙"  # new_test_user renamed the partner
        cls.elder = cls.env["res.partner"].create(
            {"name": "测试长者", "household_id": cls.household_2.id}
        )
        cls.team = cls.env["volunteer.team"].create(
            {
                "name": "测试志愿服务队",
                "area_id": cls.community.id,
                "leader_id": cls.leader.id,
                "points_per_hour": 10,
                "referral_bonus": 5,
                "points_expiry_months": 12,
                "member_ids": [Command.set([cls.resident.id, cls.neighbour.id])],
            }
        )
        cls.other_team = cls.env["volunteer.team"].create(
            {"name": "测试西社区队", "area_id": cls.other_community.id}
        )
        Profile = cls.env["volunteer.profile"]
        cls.profile = Profile.create({"partner_id": cls.resident.id})
        cls.neighbour_profile = Profile.create({"partner_id": cls.neighbour.id})
        cls.elder_profile = Profile.create({"partner_id": cls.elder.id})
        cls.outsider = cls.env["res.partner"].create({"name": "西社区志愿者"})
        cls.outsider_profile = Profile.create(
            {"partner_id": cls.outsider.id, "community_id": cls.other_community.id}
        )
        now = fields.Datetime.now().replace(microsecond=0)
        cls.now = now
        cls.activity = cls._activity(now + timedelta(days=2), hours=3, capacity=2)
        cls.reward = cls.env["volunteer.reward"].create(
            {
                "name": "测试大米",
                "community_id": cls.community.id,
                "points_price": 30,
                "stock": 5,
            }
        )

    @classmethod
    def _activity(cls, start, hours=2, capacity=0, team=None, **vals):
        return cls.env["volunteer.activity"].create(
            {
                "name": vals.pop("name", "测试活动"),
                "team_id": (team or cls.team).id,
                "date_start": start,
                "date_end": start + timedelta(hours=hours),
                "capacity": capacity,
                "state": "published",
                **vals,
            }
        )

    def _served(self, profile, hours=2.0, activity=None, confirm=True):
        """A registration for a past activity, checked in and out, hours confirmed."""
        activity = activity or self._activity(
            self.now - timedelta(days=1), hours=max(hours, 1), name="已结束活动"
        )
        registration = self.env["volunteer.registration"].create(
            {
                "activity_id": activity.id,
                "profile_id": profile.id,
                "state": "attended",
                "check_in": activity.date_start,
                "check_out": activity.date_start + timedelta(hours=hours),
                "hours_state": "to_confirm",
            }
        )
        if confirm:
            registration.action_confirm_hours()
        return registration

    def _ledger_sum(self, profile):
        groups = self.env["volunteer.point.line"]._read_group(
            [("profile_id", "=", profile.id)], [], ["points:sum"]
        )
        return groups[0][0]
