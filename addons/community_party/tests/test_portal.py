from datetime import timedelta

from odoo import Command, fields, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, PartyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Topic = cls.env["community.topic"]
        cls.own_topic = Topic.create(
            {
                "name": "我的议题楼道照明",
                "community_id": cls.community.id,
                "partner_id": cls.resident.partner_id.id,
            }
        )
        cls.published_topic = Topic.create(
            {
                "name": "已公开议题停车",
                "community_id": cls.community.id,
                "partner_id": cls.neighbour.partner_id.id,
                "outcome": "划定夜间临时停车位",
                "is_published": True,
            }
        )
        cls.private_topic = Topic.create(
            {
                "name": "邻居私下议题",
                "community_id": cls.community.id,
                "partner_id": cls.neighbour.partner_id.id,
            }
        )
        cls.foreign_topic = Topic.create(
            {
                "name": "西社区公开议题",
                "community_id": cls.other_community.id,
                "partner_id": cls.outsider.partner_id.id,
                "is_published": True,
            }
        )
        Project = cls.env["community.microproject"]
        cls.project = Project.create(
            {
                "name": "东社区座椅投票",
                "community_id": cls.community.id,
                "vote_date_end": fields.Datetime.now() + timedelta(days=7),
                "choice_ids": [Command.create({"name": "长椅"}), Command.create({"name": "凉亭"})],
            }
        )
        cls.project.action_open_vote()
        cls.foreign_project = Project.create(
            {
                "name": "西社区路灯投票",
                "community_id": cls.other_community.id,
                "vote_date_end": fields.Datetime.now() + timedelta(days=7),
                "choice_ids": [Command.create({"name": "甲"}), Command.create({"name": "乙"})],
            }
        )
        cls.foreign_project.action_open_vote()

    def test_topics_list_and_detail(self):
        self.authenticate("t_res_a", "t_res_a")
        response = self.url_open("/my/topics")
        self.assertEqual(response.status_code, 200)
        self.assertIn("我的议题楼道照明", response.text)
        self.assertIn("已公开议题停车", response.text)
        self.assertNotIn("邻居私下议题", response.text)
        self.assertNotIn("西社区公开议题", response.text)
        response = self.url_open(f"/my/topics/{self.published_topic.id}")
        self.assertIn("划定夜间临时停车位", response.text)

    def test_topic_idor_redirects(self):
        self.authenticate("t_res_a", "t_res_a")
        for topic in (self.private_topic, self.foreign_topic):
            response = self.url_open(f"/my/topics/{topic.id}", allow_redirects=False)
            self.assertEqual(response.status_code, 303)
            self.assertTrue(response.headers["Location"].endswith("/my"))
        response = self.url_open(f"/my/topics/{self.private_topic.id}")
        self.assertNotIn("邻居私下议题", response.text)

    def test_propose_topic(self):
        self.authenticate("t_res_a", "t_res_a")
        response = self.url_open(
            "/my/topics/new",
            data={
                "name": "增设快递柜",
                "description": "快递常被放在楼道",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        topic = self.env["community.topic"].search([("name", "=", "增设快递柜")])
        self.assertEqual(topic.partner_id, self.resident.partner_id)
        self.assertEqual(topic.community_id, self.community)
        self.assertEqual(topic.state, "proposed")
        self.assertIn("增设快递柜", response.text)
        # An empty topic is refused with a message, nothing is written.
        response = self.url_open(
            "/my/topics/new", data={"name": " ", "csrf_token": http.Request.csrf_token(self)}
        )
        self.assertIn("error=no_name", response.url)
        self.assertEqual(self.env["community.topic"].search_count([("name", "=", " ")]), 0)

    def test_csrf_required(self):
        self.authenticate("t_res_a", "t_res_a")
        with self.assertLogs("odoo.http", level="WARNING"):
            response = self.url_open("/my/topics/new", data={"name": "无令牌议题"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.env["community.topic"].search([("name", "=", "无令牌议题")]))
        with self.assertLogs("odoo.http", level="WARNING"):
            response = self.url_open(
                f"/my/microprojects/{self.project.id}/vote",
                data={"choice_ids": str(self.project.choice_ids[0].id)},
            )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.project.vote_count, 0)

    def test_vote_over_http(self):
        self.authenticate("t_res_a", "t_res_a")
        response = self.url_open("/my/microprojects")
        self.assertIn("东社区座椅投票", response.text)
        self.assertNotIn("西社区路灯投票", response.text)
        pavilion = self.project.choice_ids[1]
        url = f"/my/microprojects/{self.project.id}/vote"
        response = self.url_open(
            url, data={"choice_ids": str(pavilion.id), "csrf_token": http.Request.csrf_token(self)}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_vote_done", response.text)
        vote = self.env["community.microproject.vote"].search(
            [("project_id", "=", self.project.id)]
        )
        self.assertEqual(vote.partner_id, self.resident.partner_id)
        self.assertEqual(vote.choice_ids, pavilion)
        # A second ballot is refused with a message and not counted.
        response = self.url_open(
            url,
            data={
                "choice_ids": str(self.project.choice_ids[0].id),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertIn("o_vote_error", response.text)
        self.assertEqual(self.project.vote_count, 1)

    def test_microproject_idor(self):
        self.authenticate("t_res_a", "t_res_a")
        response = self.url_open(
            f"/my/microprojects/{self.foreign_project.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        response = self.url_open(
            f"/my/microprojects/{self.foreign_project.id}/vote",
            data={
                "choice_ids": str(self.foreign_project.choice_ids[0].id),
                "csrf_token": http.Request.csrf_token(self),
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.foreign_project.vote_count, 0)

    def test_propose_microproject(self):
        self.authenticate("t_res_a", "t_res_a")
        response = self.url_open(
            "/my/microprojects/new",
            data={
                "name": "楼下加装晾衣架",
                "description": "方便老人晾晒",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        project = self.env["community.microproject"].search([("name", "=", "楼下加装晾衣架")])
        self.assertEqual(project.partner_id, self.resident.partner_id)
        self.assertEqual(project.community_id, self.community)
        self.assertEqual(project.state, "proposed")
        # A neighbour does not see a proposal that is not put to the vote.
        self.authenticate("t_res_b", "t_res_b")
        response = self.url_open(f"/my/microprojects/{project.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("楼下加装晾衣架", self.url_open("/my/microprojects").text)

    def test_portal_cannot_create_a_vote_open_project(self):
        Project = self.env["community.microproject"].with_user(self.resident)
        with self.assertRaises(UserError):
            Project.create(
                {
                    "name": "越权项目",
                    "community_id": self.community.id,
                    "partner_id": self.resident.partner_id.id,
                    "state": "voting",
                }
            )
        with self.assertRaises(AccessError):
            Project.create(
                {
                    "name": "别的社区",
                    "community_id": self.other_community.id,
                    "partner_id": self.resident.partner_id.id,
                }
            )

    def test_rate_property_service(self):
        company = self.env["res.partner"].create(
            {"name": "测试物业", "is_company": True, "is_property_company": True}
        )
        self.env["property.contract"].create(
            {
                "company_id": company.id,
                "estate_id": self.estate.id,
                "date_start": fields.Date.today() - timedelta(days=30),
            }
        )
        self.authenticate("t_res_a", "t_res_a")
        self.assertIn("测试物业", self.url_open("/my/property").text)
        token = http.Request.csrf_token(self)
        response = self.url_open("/my/property/rate", data={"score": "9", "csrf_token": token})
        self.assertIn("error=no_score", response.url)
        response = self.url_open(
            "/my/property/rate", data={"score": "4", "comment": "保洁及时", "csrf_token": token}
        )
        self.assertIn("o_rating_done", response.text)
        rating = self.env["property.rating"].search([("company_id", "=", company.id)])
        self.assertEqual(rating.partner_id, self.resident.partner_id)
        self.assertEqual(rating.estate_id, self.estate)
        self.assertEqual(rating.score, 4)
        self.assertEqual(company.property_rating_avg, 4.0)
        # Once a day: a second rating is refused.
        response = self.url_open("/my/property/rate", data={"score": "1", "csrf_token": token})
        self.assertIn("error=already", response.url)
        self.assertEqual(
            self.env["property.rating"].search_count([("company_id", "=", company.id)]), 1
        )
        # A resident of an estate without a company cannot rate anyone.
        self.authenticate("t_res_c", "t_res_c")
        self.assertIn("o_rating_no_company", self.url_open("/my/property").text)
        response = self.url_open(
            "/my/property/rate", data={"score": "5", "csrf_token": http.Request.csrf_token(self)}
        )
        self.assertIn("error=no_company", response.url)

    def test_home_counters(self):
        self.authenticate("t_res_a", "t_res_a")
        response = self.url_open(
            "/my/counters",
            data='{"params": {"counters": ["topic_count", "microproject_count"]}}',
            headers={"Content-Type": "application/json"},
        )
        result = response.json()["result"]
        self.assertIn("/my/microprojects", self.url_open("/my").text)
        self.assertEqual(result["topic_count"], 2)
        self.assertEqual(result["microproject_count"], 1)
