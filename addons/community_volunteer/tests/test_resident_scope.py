from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestTeamLeaderResidents(VolunteerCase):
    """A team leader sees the members of the teams they lead, no other resident."""

    def test_team_leader_sees_own_team_members(self):
        Partner = self.env["res.partner"]
        visible = Partner.with_user(self.leader).search([("is_resident", "=", True)])
        expected = Partner.search(
            [("is_resident", "=", True), ("volunteer_team_ids.leader_id", "=", self.leader.id)]
        )
        self.assertEqual(visible, expected)
        self.assertIn(self.neighbour, visible)
        self.assertNotIn(self.elder, visible, "not a member of the leader's team")
