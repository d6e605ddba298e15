from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.community_grid.tests.common import MalformedParamsMixin

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestPartyMalformedParams(MalformedParamsMixin, HttpCase, PartyCase):
    def test_every_route_survives_junk(self):
        project = self.env["community.microproject"].create(
            {
                "name": "并发投票项目",
                "community_id": self.community.id,
                "partner_id": self.resident.partner_id.id,
                "max_choices": 1,
                "vote_date_end": fields.Datetime.now() + timedelta(days=7),
                "choice_ids": [Command.create({"name": "甲"}), Command.create({"name": "乙"})],
            }
        )
        project.action_open_vote()
        topic = self.env["community.topic"].create(
            {
                "name": "小区停车",
                "community_id": self.community.id,
                "partner_id": self.resident.partner_id.id,
            }
        )
        sent = self.assert_routes_survive_junk(
            "community_party",
            [self.resident.login, self.party_worker.login],
            path_ids={"project_id": project.id, "topic_id": topic.id},
        )
        self.assertGreater(sent, 100)
        # a link cannot put words on the page
        self.authenticate(self.resident.login, self.resident.login)
        response = self.url_open(f"/my/microprojects/{project.id}?error=请拨打12345678领取补贴")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("领取补贴", response.text)
