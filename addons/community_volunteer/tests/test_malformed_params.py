from odoo.tests import HttpCase, tagged

from odoo.addons.community_grid.tests.common import MalformedParamsMixin

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestVolunteerMalformedParams(MalformedParamsMixin, HttpCase, VolunteerCase):
    def test_every_route_survives_junk(self):
        registration = self.activity._sign_up(self.profile)
        sent = self.assert_routes_survive_junk(
            "community_volunteer",
            [self.portal_user.login, self.leader.login],
            path_ids={
                "activity_id": self.activity.id,
                "registration_id": registration.id,
                "reward_id": self.reward.id,
            },
        )
        self.assertGreater(sent, 50)
