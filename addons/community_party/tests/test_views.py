from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestViewsByRole(TransactionCase):
    """Every window action of the addon opens for every demo role its menu is
    shown to: its views load and its first page of records reads."""

    def test_actions_open_for_each_role(self):
        logins = ["partyworker", "staff", "manager", "gridworker"]
        users = self.env["res.users"].search([("login", "in", logins)])
        self.assertEqual(len(users), 4)
        menus = self.env["ir.ui.menu"].search(
            [("id", "child_of", self.env.ref("community_grid.menu_community_root").id)]
        )
        actions = (
            self.env["ir.model.data"]
            .search([("module", "=", "community_party"), ("model", "=", "ir.actions.act_window")])
            .mapped(lambda d: self.env["ir.actions.act_window"].browse(d.res_id))
        )
        opened = 0
        for user in users:
            visible = menus.with_user(user)._filter_visible_menus()
            for action in actions:
                menu = visible.filtered(lambda m, a=action: m.action == a)
                if not menu or action.target == "new":
                    continue
                Model = self.env[action.res_model].with_user(user)
                views = [*action.views, (action.search_view_id.id, "search")]
                result = Model.get_views(views, {"toolbar": True, "load_filters": True})
                domain = safe_eval(action.domain or "[]", action._get_eval_context())
                first = views[0][1]
                arch_fields = result["views"][first]["arch"]
                fields = [
                    f
                    for f in result["models"][action.res_model]["fields"]
                    if f'name="{f}"' in arch_fields
                ]
                Model.search_read(domain, fields, limit=5)
                opened += 1
        self.assertGreater(opened, 20)
