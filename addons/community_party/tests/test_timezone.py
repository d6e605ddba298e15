from datetime import date, datetime
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.community_grid.tools import end_of_day

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestVoteDeadline(PartyCase, HttpCase):
    """A vote "closing on 17 December" closes at 23:59:59 in Beijing, and a
    resident whose user has no timezone reads it so."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deadline = end_of_day(cls.env, date(2026, 12, 17))
        cls.project = cls.env["community.microproject"].create(
            {
                "name": "加装休闲座椅",
                "community_id": cls.community.id,
                "partner_id": cls.resident.partner_id.id,
                "max_choices": 1,
                "vote_date_start": datetime(2026, 12, 1),
                "vote_date_end": cls.deadline,
                "choice_ids": [
                    Command.create({"name": "长椅", "sequence": 1}),
                    Command.create({"name": "凉亭", "sequence": 2}),
                ],
            }
        )

    def test_end_of_day_is_beijing_midnight(self):
        # 23:59:59 in Beijing (UTC+8) is 15:59:59 UTC the same day
        self.assertEqual(self.deadline, datetime(2026, 12, 17, 15, 59, 59))
        self.env["ir.config_parameter"].sudo().set_param("community_grid.default_tz", "UTC")
        self.assertEqual(
            end_of_day(self.env, date(2026, 12, 17)), datetime(2026, 12, 17, 23, 59, 59)
        )

    def test_vote_open_until_beijing_midnight(self):
        self.project.action_review()
        self.project.action_open_vote()
        with patch.object(
            fields.Datetime, "now", return_value=datetime(2026, 12, 17, 15, 59)
        ):  # 23:59 in Beijing
            self.project.invalidate_recordset(["is_voting_open"])
            self.assertTrue(self.project.is_voting_open)
        with patch.object(
            fields.Datetime, "now", return_value=datetime(2026, 12, 17, 16, 0, 1)
        ):  # 00:00:01 on the 18th in Beijing
            self.project.invalidate_recordset(["is_voting_open"])
            self.assertFalse(self.project.is_voting_open)

    def test_resident_without_timezone_reads_beijing_time(self):
        self.resident.write({"tz": False, "lang": "zh_CN"})
        self.project.action_review()
        self.project.action_open_vote()
        self.authenticate("t_res_a", "t_res_a")
        response = self.url_open(f"/my/microprojects/{self.project.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("23:59", response.text)
        self.assertNotIn("15:59", response.text)
