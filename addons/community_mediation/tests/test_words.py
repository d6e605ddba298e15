from odoo.tests import tagged

from odoo.addons.community_grid.tests.common import english_in_messages

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediationWords(MediationCase):
    """The chatter of a dispute handed over from a grid event to mediation,
    and the agreement's title, read Chinese."""

    def test_handover_and_agreement_read_chinese(self):
        env = self.env(context={"lang": "zh_CN"})
        self.grid_worker.write({"lang": "zh_CN", "name": "王网格"})
        self.mediator_user.write({"lang": "zh_CN", "name": "赵调解"})
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
                    "reporter_type": "resident",
                    "reporter_id": self.resident.id,
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
        Message = env["mail.message"]
        messages = (
            Message.search([("model", "=", "community.event"), ("res_id", "=", event.id)])
            | Message.search([("model", "=", "mediation.case"), ("res_id", "=", case.id)])
            | Message.search([("model", "=", "mediation.agreement"), ("res_id", "=", agreement.id)])
        )
        bodies = " ".join(messages.mapped("body"))
        self.assertIn(case.name, bodies)  # the handover message names the case
        self.assertFalse(english_in_messages(messages))
