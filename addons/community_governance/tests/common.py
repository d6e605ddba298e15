from odoo.tests import new_test_user

from odoo.addons.community_party.tests.common import PartyCase


class GovernanceCase(PartyCase):
    """PartyCase plus a mediator of the community and an event category, and
    helpers that report an event as a resident."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mediator_user = new_test_user(
            cls.env,
            login="t_gov_mediator",
            groups="base.group_user,community_mediation.group_mediator",
        )
        cls.mediator_user.community_area_ids = cls.community
        cls.mediator = cls.env["mediation.mediator"].create(
            {
                "partner_id": cls.mediator_user.partner_id.id,
                "user_id": cls.mediator_user.id,
                "area_id": cls.community.id,
            }
        )
        cls.category = cls.env["community.event.category"].create({"name": "公共设施"})

    def _event(self, title="中心花园座椅损坏", reporter=None, **vals):
        reporter = reporter or self.resident
        return self.env["community.event"].create(
            {
                "title": title,
                "description": f"{title},请社区处理。",
                "category_id": self.category.id,
                "grid_id": self.grid.id,
                "reporter_type": "resident",
                "reporter_id": reporter.partner_id.id,
                **vals,
            }
        )
