from odoo.tests import tagged

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestPartyWorkerResidents(PartyCase):
    """A party worker sees the party members of their territory, not every
    resident (PIPL need-to-know)."""

    def test_party_worker_sees_party_members_of_the_territory(self):
        self.env["party.member"].create(
            {"partner_id": self.resident.partner_id.id, "organization_id": self.committee.id}
        )
        self.env["party.member"].create(
            {"partner_id": self.outsider.partner_id.id, "organization_id": self.other_committee.id}
        )
        visible = (
            self.env["res.partner"]
            .with_user(self.party_worker)
            .search([("is_resident", "=", True)])
        )
        expected = self.env["res.partner"].search(
            [
                ("is_resident", "=", True),
                ("party_member_ids.community_id", "child_of", self.community.ids),
            ]
        )
        self.assertEqual(visible, expected)
        self.assertIn(self.resident.partner_id, visible)
        self.assertNotIn(self.neighbour.partner_id, visible, "not a party member")
        self.assertNotIn(self.outsider.partner_id, visible, "a party member of another community")
