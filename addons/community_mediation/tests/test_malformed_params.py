from odoo.tests import HttpCase, tagged

from odoo.addons.community_grid.tests.common import MalformedParamsMixin

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediationMalformedParams(MalformedParamsMixin, HttpCase, MediationCase):
    def test_every_route_survives_junk(self):
        sent = self.assert_routes_survive_junk(
            "community_mediation",
            [self.portal_user.login, self.mediator_user.login],
            path_ids={"case_id": self.case.id},
        )
        self.assertGreater(sent, 50)
