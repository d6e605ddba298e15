from odoo import Command
from odoo.tests import tagged

from odoo.addons.community_grid.tests.common import valid_id_number

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestAgreementDocument(MediationCase):
    """The 人民调解协议书 as the format has it: the parties' identity and the
    committee's seal line."""

    def _html(self, agreement, user=None):
        report = self.env.ref("community_mediation.action_report_mediation_agreement")
        if user:
            report = report.with_user(user)
        return (
            report.with_context(lang="zh_CN")
            ._render_qweb_html(report.report_name, agreement.ids)[0]
            .decode()
        )

    def test_parties_identity_and_seal_line(self):
        id_number = valid_id_number("19800101", 1)
        self.assertEqual(self.resident.id_number, id_number)
        case = self.env["mediation.case"].create(
            {
                "subject": "漏水纠纷",
                "description": "楼上漏水导致楼下天花板受损。",
                "community_id": self.community.id,
                "party_ids": [
                    Command.create({"role": "applicant", "partner_id": self.resident.id}),
                    Command.create({"role": "respondent", "partner_id": self.respondent.id}),
                ],
            }
        )
        case.action_accept()
        case.mediator_id = self.mediator
        case.action_assign()
        agreement = self._issue_agreement(case)
        party = case.party_ids.filtered(lambda p: p.partner_id == self.resident)
        html = self._html(agreement)
        # the seal line names the community's committee, in the office's order
        self.assertIn(f"{self.community.name}</span><span>人民调解委员会（盖章）", html)
        # gender, age and address come from the register
        self.assertEqual(party.gender, self.resident.gender)
        self.assertGreaterEqual(party.age, 46)
        self.assertEqual(party.address, self.household.name)
        self.assertIn(self.household.name, html)
        self.assertIn("证件号码", html)
        self.assertIn(id_number, html, "in full for the administrator")
        # the case's mediator prints it with the full number; another reader
        # of the case (the street's mediation specialist) reads it masked
        mediator_html = self._html(agreement, self.mediator_user)
        self.assertIn(id_number, mediator_html)
        self.assertFalse(self.specialist.has_group("community_grid.group_community_staff"))
        specialist_html = self._html(agreement, self.specialist)
        self.assertNotIn(id_number, specialist_html)
        self.assertIn(self.resident.id_number_masked, specialist_html)
