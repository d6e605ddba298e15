from datetime import timedelta

from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestActivityOrder(VolunteerCase):
    """The activities board reads as an activity's life: draft, published,
    done, cancelled; the next activity first."""

    def test_states_in_workflow_order(self):
        for days, state in ((1, "draft"), (2, "published"), (-3, "done"), (-4, "cancelled")):
            self._activity(self.now + timedelta(days=days), name=f"活动{days}", state=state)
        groups = self.env["volunteer.activity"]._read_group([], ["state"], ["__count"])
        states = [state for state, _count in groups]
        self.assertEqual(states, ["draft", "published", "done", "cancelled"])
        # the kanban's cards: the next activity first
        kanban = self.env["volunteer.activity"].get_view(view_type="kanban")["arch"]
        self.assertIn('default_order="date_start"', kanban)
