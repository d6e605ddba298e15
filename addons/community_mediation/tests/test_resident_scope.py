from odoo import Command
from odoo.tests import tagged

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediatorResidents(MediationCase):
    """Mediators see the resident parties of their own cases; specialists
    those of their territory's cases; nobody else's (PIPL need-to-know)."""

    def test_mediator_sees_the_parties_of_own_cases(self):
        Partner = self.env["res.partner"]
        party = Partner.create(
            {"name": "测试当事人", "phone": "13911112222", "household_id": self.household.id}
        )
        stranger = Partner.create({"name": "测试旁人", "household_id": self.household.id})
        self.case.party_ids = [Command.create({"role": "respondent", "partner_id": party.id})]
        self._assigned_case()

        def visible(user):
            return Partner.with_user(user).search([("is_resident", "=", True)])

        expected = Partner.search(
            [
                ("is_resident", "=", True),
                "|",
                ("mediation_party_ids.case_id.user_id", "=", self.mediator_user.id),
                ("mediation_party_ids.case_id.second_user_id", "=", self.mediator_user.id),
            ]
        )
        self.assertEqual(visible(self.mediator_user), expected)
        self.assertIn(party, visible(self.mediator_user))
        self.assertNotIn(stranger, visible(self.mediator_user))
        self.assertFalse(visible(self.other_mediator_user), "not assigned: no resident")
        self.assertIn(party, visible(self.specialist))
        self.assertNotIn(party, visible(self.other_specialist))
        # the mediator calls the parties: the phone in full
        self.assertEqual(
            party.with_user(self.mediator_user).read(["phone"])[0]["phone"], "13911112222"
        )

    def test_handing_over_an_event_does_not_subscribe_the_grid_worker(self):
        category = self.env["community.event.category"].create(
            {"name": "测试纠纷", "sla_amount": 2, "sla_unit": "days"}
        )
        event = self.env["community.event"].create(
            {
                "title": "邻里纠纷",
                "description": "噪音",
                "category_id": category.id,
                "grid_id": self.grid.id,
                "reporter_type": "resident",
                "reporter_id": self.resident.id,
            }
        )
        event.with_user(self.grid_worker).action_create_mediation_case()
        case = self.env["mediation.case"].search([("event_id", "=", event.id)])
        self.assertTrue(case)
        self.assertNotIn(self.grid_worker.partner_id, case.message_partner_ids)

    def test_escalation_unsubscribes_the_mediators(self):
        case = self._assigned_case()
        case.message_subscribe(partner_ids=self.mediator_user.partner_id.ids)
        case.with_user(self.mediator_user)._escalate("超出社区调解能力")
        self.assertNotIn(self.mediator_user.partner_id, case.message_partner_ids)
