from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.community_grid.tests.common import CommunityCase, new_test_user


@tagged("post_install", "-at_install")
class TestVolunteerTeam(CommunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(
            cls.env,
            login="t_leader",
            groups="base.group_user,community_volunteer.group_team_leader",
        )
        Partner = cls.env["res.partner"]
        cls.volunteers = Partner.create([{"name": "志愿者甲"}, {"name": "志愿者乙"}])
        cls.team = cls.env["volunteer.team"].create(
            {
                "name": "测试街坊志愿互助会",
                "area_id": cls.estate.id,
                "leader_id": cls.leader.id,
                "member_ids": [Command.set(cls.volunteers.ids)],
            }
        )
        cls.other_team = cls.env["volunteer.team"].create(
            {"name": "测试西社区青年志愿者队", "kind": "youth", "area_id": cls.other_community.id}
        )

    def test_counts_and_territory(self):
        self.assertEqual(self.team.member_count, 2)
        self.assertEqual(self.team.community_id, self.community)
        self.team.member_ids = [Command.unlink(self.volunteers[0].id)]
        self.assertEqual(self.team.member_count, 1)
        self.assertEqual(
            self.env["volunteer.team"].search_count([("area_id", "child_of", self.community.id)]), 1
        )

    def test_team_serves_a_community(self):
        with self.assertRaisesRegex(ValidationError, "serves one community"):
            self.env["volunteer.team"].create({"name": "街道队", "area_id": self.street.id})

    def test_leader_manages_own_team_only(self):
        team = self.team.with_user(self.leader)
        team.description = "每周六开展环境整治。"
        self.assertEqual(self.team.description, "每周六开展环境整治。")
        self.assertNotIn(
            self.other_team, self.env["volunteer.team"].with_user(self.leader).search([])
        )
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.leader).description = "越权"
        with self.assertRaises(AccessError):
            self.env["volunteer.team"].with_user(self.leader).create(
                {"name": "队长新建", "area_id": self.community.id}
            )

    def test_staff_manage_own_community(self):
        team = (
            self.env["volunteer.team"]
            .with_user(self.staff)
            .create({"name": "社区新队", "area_id": self.community.id})
        )
        self.assertEqual(team.street_id, self.street)
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.staff).name = "越权"

    def test_grid_worker_sees_teams_of_their_community(self):
        community_team = self.env["volunteer.team"].create(
            {"name": "社区层面队伍", "area_id": self.community.id}
        )
        teams = self.env["volunteer.team"].with_user(self.grid_worker).search([])
        self.assertIn(community_team, teams, "an estate's grid worker sees its community's teams")
        self.assertNotIn(self.other_team, teams)

    def test_grid_worker_reads_only(self):
        team = self.team.with_user(self.grid_worker)
        self.assertEqual(team.name, "测试街坊志愿互助会")
        with self.assertRaises(AccessError):
            team.name = "改名"

    def test_portal_refused(self):
        with self.assertRaises(AccessError):
            self.env["volunteer.team"].with_user(self.portal_user).search([])

    def test_demo_teams(self):
        team = self.env.ref("community_volunteer.team_pingdong_party_demo")
        self.assertEqual(team.member_count, 3)
        self.assertEqual(team.leader_id.login, "teamleader")

    def test_demo_volunteer_service(self):
        ref = self.env.ref
        zhang = ref("community_volunteer.profile_zhang_guiying_demo")
        self.assertEqual(zhang.hours_total, 100)
        self.assertEqual(zhang.star_pending_level, 1, "100 h: first star in public notice")
        self.assertEqual(
            zhang.points_balance,
            sum(zhang.point_line_ids.mapped("points")),
        )
        self.assertIn("推荐奖励", " ".join(zhang.point_line_ids.mapped("name")))
        antifraud = ref("community_volunteer.activity_antifraud_future_demo")
        chen = antifraud.registration_ids.filtered(
            lambda r: r.profile_id == ref("community_volunteer.profile_chen_bo_demo")
        )
        self.assertEqual(chen.acting_user_id.login, "gridworker")
        self.assertTrue(chen.on_behalf)
        self.assertEqual(antifraud.waiting_count, 1)
        visit = ref("community_volunteer.registration_visit_lin_demo")
        self.assertTrue(visit.anomaly_auto_checkout)
        self.assertEqual(visit.hours_state, "to_confirm")
        self.assertTrue(ref("community_volunteer.shift_canteen_demo").activity_ids)
        liu = ref("community_volunteer.profile_liu_zhigang_demo")
        self.assertEqual(liu.redemption_ids.reward_id, ref("community_volunteer.reward_meal_demo"))
