from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import GovernanceCase


@tagged("post_install", "-at_install")
class TestCockpitTour(HttpCase, GovernanceCase):
    def test_manager_drills_into_overdue_events(self):
        self.manager.action_id = self.env.ref("community_governance.governance_cockpit_action").id
        late = self._event("超期未办的路灯")
        late.action_accept()
        late.sudo().write({"deadline": fields.Datetime.now() - timedelta(days=1)})
        self._event("按时的事件").action_accept()
        self.start_tour("/odoo", "governance_cockpit_tour", login="t_manager")
