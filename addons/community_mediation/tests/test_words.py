from odoo.tests import tagged

from odoo.addons.community_grid.tests.common import english_in_messages

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediationWords(MediationCase):
    """The chatter of a dispute handed over from a grid event to mediation,
    and the agreement's title, read Chinese."""

    def test_handover_and_agreement_read_chinese(self):
        env = self.env(context={"lang": "zh_CN"})
        for user in (self.grid_worker, self.mediator_user):
            user.lang = "zh_CN"
        category = env["community.event.category"].create({"name": "邻里纠纷"})
        event = (
            env["community.event"]
            .with_user(self.grid_worker)
            .create(
                {
                    "title": "楼上漏水纠纷",
                    "description": "楼上住户卫生间漏水，双方协商不成",
                    "category_id": category.id,
                    "grid_id": self.grid.id,
                }
            )
        )
        event.action_accept()
        event.action_create_mediation_case()
        case = env["mediation.case"].search([("event_id", "=", event.id)])
        case.action_accept()
        case.mediator_id = self.mediator
        case.action_assign()
        # an agreement made by a user who reads English still has a Chinese
        # title: it is stored once and every reader reads it
        agreement = (
            self.env["mediation.agreement"]
            .with_context(lang="en_US")
            .create({"case_id": case.id, "facts": "漏水事实", "terms": "赔偿1000元"})
        )
        self.assertNotRegex(agreement.name, "[A-Za-z]{3,}")
        self.assertIn(case.name, agreement.name)
        env["mediation.agreement"].browse(agreement.id).action_issue()
        messages = env["mail.message"].search(
            [
                "|",
                "&",
                ("model", "=", "community.event"),
                ("res_id", "=", event.id),
                "&",
                ("model", "in", ("mediation.case", "mediation.agreement")),
                ("res_id", "in", (case | agreement).ids),
            ]
        )
        bodies = " ".join(messages.mapped("body"))
        self.assertIn(case.name, bodies)  # the handover message names the case
        self.assertFalse(english_in_messages(messages))
