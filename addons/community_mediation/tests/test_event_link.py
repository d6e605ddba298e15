from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.community_grid.tests.common import CommunityCase


@tagged("post_install", "-at_install")
class TestEventToCase(CommunityCase):
    """A grid event hands a dispute over to mediation; the event shows that a
    case exists, never its content."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env["community.event.category"].create({"name": "邻里纠纷"})
        cls.event = cls.env["community.event"].create(
            {
                "title": "楼上漏水纠纷",
                "description": "楼上住户卫生间漏水，双方协商不成",
                "category_id": category.id,
                "grid_id": cls.grid.id,
                "reporter_type": "resident",
                "reporter_id": cls.resident.id,
            }
        )

    def test_grid_worker_hands_the_dispute_over(self):
        event = self.event.with_user(self.grid_worker)
        event.action_create_mediation_case()
        case = self.env["mediation.case"].search([("event_id", "=", self.event.id)])
        self.assertEqual(len(case), 1)
        self.assertEqual(case.source, "grid_event")
        self.assertEqual(case.community_id, self.community)
        self.assertEqual(case.party_ids.partner_id, self.resident)
        self.assertEqual(case.event_reference, self.event.name)
        # the event says a case exists, and its stage …
        event.invalidate_recordset()
        self.assertTrue(event.mediation_case_info.startswith(case.name))
        # … but its content stays with the mediators
        with self.assertRaises(AccessError):
            case.with_user(self.grid_worker).read(["description"])
        with self.assertRaises(AccessError):
            case.with_user(self.staff).read(["description"])
        with self.assertRaisesRegex(UserError, "already been handed over"):
            event.action_create_mediation_case()

    def test_only_who_handles_the_event_hands_it_over(self):
        with self.assertRaises(AccessError):
            self.event.with_user(self.portal_user).action_create_mediation_case()
        self.assertFalse(self.env["mediation.case"].search([("event_id", "=", self.event.id)]))
