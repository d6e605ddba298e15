from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestMediationTour(HttpCase):
    def test_resident_applies_for_mediation(self):
        resident = self.env.ref("community_grid.partner_resident_demo")
        self.start_tour("/my/mediation", "community_mediation_apply_tour", login="resident")
        case = self.env["mediation.case"].search(
            [("party_ids.name", "=", "楼下101住户")], order="id desc", limit=1
        )
        self.assertTrue(case)
        self.assertEqual(case.applicant_partner_id, resident)
        self.assertEqual(case.dispute_type, "neighbour")
        self.assertEqual(case.preferred_time, "周末上午")
        self.assertEqual(case.source, "portal")
