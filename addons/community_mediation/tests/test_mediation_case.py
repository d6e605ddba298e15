import io
import zipfile

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediationCaseFlow(MediationCase):
    def test_reference_and_territory(self):
        self.assertTrue(self.case.name.startswith("TJ"))
        self.assertEqual(self.case.street_id, self.street)
        self.assertEqual(self.case.district_id, self.district)
        self.assertEqual(self.case.applicant_partner_id, self.applicant)
        self.assertEqual(self.case.access_url, f"/my/mediation/{self.case.id}")
        with self.assertRaisesRegex(ValidationError, "neither"):
            self.case.community_id = self.estate

    def test_full_flow_to_closed(self):
        case = self._assigned_case()
        self.assertEqual(case.state, "assigned")
        self.assertTrue(
            case.activity_ids.filtered(lambda a: a.user_id == self.mediator_user),
            "the assigned mediator gets a to-do",
        )
        self.env["mediation.session"].create(
            {
                "case_id": case.id,
                "room_id": self.room.id,
                "start": "2026-12-01 01:00:00",
                "stop": "2026-12-01 02:00:00",
            }
        )
        self.assertEqual(case.state, "mediating")
        with self.assertRaisesRegex(UserError, "Issue the mediation agreement"):
            case.action_reached()
        self._issue_agreement(case)
        case.action_reached()
        self.assertEqual(
            (case.state, case.outcome, case.success_rate), ("concluded", "reached", 100)
        )
        case.action_follow_up()
        self.assertEqual(case.state, "follow_up")
        with self.assertRaisesRegex(UserError, "follow-up visit"):
            case.action_close()
        case.follow_up_note = "双方均已履行。"
        case.action_close()
        self.assertEqual(case.state, "closed")
        self.assertTrue(case.date_closed)
        self.assertGreaterEqual(case.days_to_close, 0.0)
        self.assertEqual(self.mediator.concluded_case_count, 1)
        self.assertEqual(self.mediator.success_rate, 100.0)

    def test_steps_out_of_order_are_refused(self):
        with self.assertRaisesRegex(UserError, "cannot be assigned now"):
            self.case.action_assign()
        self.case.action_accept()
        with self.assertRaisesRegex(UserError, "Choose the mediator"):
            self.case.action_assign()
        with self.assertRaisesRegex(UserError, "cannot be closed now"):
            self.case.action_close()
        empty = self.env["mediation.case"].create(
            {"subject": "无当事人", "description": "x", "community_id": self.community.id}
        )
        with self.assertRaisesRegex(UserError, "no parties"):
            empty.action_accept()
        self.assertEqual(empty.state, "registered")

    def test_second_mediator_must_differ(self):
        with self.assertRaisesRegex(ValidationError, "second mediator"):
            self.case.write(
                {"mediator_id": self.mediator.id, "second_mediator_id": self.mediator.id}
            )

    def test_failed_case_escalates_one_level_at_a_time(self):
        case = self._assigned_case()
        case.action_failed()
        self.assertEqual(self.mediator.success_rate, 0.0)
        with self.assertRaisesRegex(UserError, "Say why"):
            case._escalate("  ")
        # the assigned volunteer mediator escalates it
        wizard = Form(
            self.env["mediation.case.escalate"]
            .with_user(self.mediator_user)
            .with_context(default_case_id=case.id)
        )
        wizard.reason = "社区层面无法调处"
        wizard.save().action_escalate()
        self.assertFalse(
            self.env["mediation.case"].with_user(self.mediator_user).search([("id", "=", case.id)]),
            "the file moves to the next level with its confidentiality",
        )
        self.assertIn(self.manager, case.activity_ids.user_id, "the street is told")
        self.assertEqual(case.level, "street")
        self.assertEqual(case.state, "accepted")
        self.assertFalse(case.outcome)
        self.assertFalse(case.mediator_id, "the street assigns its own mediator")
        self.assertEqual(case.escalation_count, 1)
        self.assertEqual(case.escalation_reason, "社区层面无法调处")
        self.assertEqual(case.party_ids.partner_id, self.applicant | self.respondent)
        case._escalate("街道调解未果")
        self.assertEqual(case.level, "district")
        with self.assertRaisesRegex(UserError, "highest level"):
            case._escalate("再上交")
        self.assertEqual(case.escalation_count, 2)

    def test_settled_case_does_not_escalate(self):
        case = self._assigned_case()
        self._issue_agreement(case)
        case.action_reached()
        with self.assertRaisesRegex(UserError, "settled"):
            case._escalate("无理由")
        self.assertEqual(case.level, "community")

    def test_high_risk_notifies_the_street_managers(self):
        other_manager = self._role_user(
            "t_manager_other", "community_grid.group_street_manager", self.other_street
        )
        case = self.env["mediation.case"].create(
            {
                "subject": "群体性欠薪",
                "description": "二十余名工人被拖欠工资。",
                "community_id": self.community.id,
                "risk_level": "high",
            }
        )
        users = case.activity_ids.user_id
        self.assertIn(self.manager, users)
        self.assertNotIn(other_manager, users)
        self.assertIn(self.manager.partner_id, case.message_partner_ids)
        # raising an existing case to high risk notifies too
        self.case.risk_level = "high"
        self.assertIn(self.manager, self.case.activity_ids.user_id)

    def test_xlsx_export(self):
        content = self.case._export_xlsx()
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.case.name, strings)
        self.assertIn("漏水纠纷", strings)
        action = self.case.action_export_xlsx()
        self.assertEqual(action["url"], f"/mediation/cases/xlsx?ids={self.case.id}")

    def test_portal_party_view_hides_other_contacts(self):
        parties = self.case._portal_parties(self.applicant)
        mine = [p for p in parties if p["is_me"]]
        others = [p for p in parties if not p["is_me"]]
        self.assertEqual(mine[0]["phone"], "13900000001")
        self.assertEqual(others[0]["name"], "被申请人乙")
        self.assertFalse(others[0]["phone"])

    def test_free_text_party(self):
        commands = self.env["mediation.case.party"]._get_party_commands(self.applicant, "楼上住户")
        case = self.env["mediation.case"].create(
            {
                "subject": "噪音",
                "description": "夜间噪音",
                "community_id": self.community.id,
                "party_ids": [*commands, Command.create({"role": "third", "name": "物业"})],
            }
        )
        self.assertEqual(case.party_ids.mapped("name"), ["申请人甲", "楼上住户", "物业"])
        self.assertEqual(case.party_ids[0].phone, "13900000001")

    def test_league_table_by_community(self):
        case = self._assigned_case()
        self._issue_agreement(case)
        case.action_reached()
        other = self.env["mediation.case"].create(
            {
                "subject": "西社区纠纷",
                "description": "x",
                "community_id": self.other_community.id,
                "party_ids": [Command.create({"name": "甲"})],
                "mediator_id": self.other_mediator.id,
                "state": "mediating",
            }
        )
        other.action_failed()
        rows = {
            community: (count, rate)
            for community, count, rate in self.env["mediation.case"]._read_group(
                [("outcome", "!=", False), ("street_id", "=", self.street.id)],
                ["community_id"],
                ["__count", "success_rate:avg"],
            )
        }
        self.assertEqual(rows[self.community], (1, 100.0))
        self.assertEqual(rows[self.other_community], (1, 0.0))
        action = self.env.ref("community_mediation.mediation_case_action_league")
        self.assertEqual(action.domain, "[('outcome', '!=', False)]")
