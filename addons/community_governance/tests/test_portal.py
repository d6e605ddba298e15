from odoo.tests import HttpCase, tagged

from .common import GovernanceCase


@tagged("post_install", "-at_install")
class TestJourneyPortal(HttpCase, GovernanceCase):
    """The reporter follows the matter on the event's portal page."""

    def test_reporter_sees_the_journey(self):
        event = self._event("中心花园座椅老化")
        event.action_accept()
        action = event.with_user(self.staff).action_refer_to_deliberation()
        topic = self.env["community.topic"].browse(action["res_id"])
        topic.action_publish()
        event.action_create_mediation_case()  # a split: part of it is a dispute
        case = self.env["mediation.case"].search([("event_id", "=", event.id)])
        self.authenticate("t_res_a", "t_res_a")
        page = self.url_open(f"/my/events/{event.id}").text
        self.assertIn("o_event_journey", page)
        self.assertIn(event.governance_code, page)
        self.assertIn(f"/my/topics/{topic.id}", page)
        # the case exists for the reporter, its file does not
        self.assertNotIn(case.description, page[page.index("o_event_journey") :])
        # another resident sees nothing of it
        self.authenticate("t_res_b", "t_res_b")
        response = self.url_open(f"/my/events/{event.id}")
        self.assertNotIn(event.governance_code, response.text)
