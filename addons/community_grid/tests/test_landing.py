from odoo.tests import Form, tagged

from .common import CommunityCase


@tagged("post_install", "-at_install")
class TestLanding(CommunityCase):
    """What a role meets first: its menus and a new event prefilled."""

    def test_app_store_hidden_from_community_roles(self):
        apps = self.env.ref("base.menu_management")
        for user in (self.grid_worker, self.staff, self.manager):
            menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
            self.assertNotIn(apps.id, menus, user.login)
        admin = self.env.ref("base.user_admin")
        self.assertIn(apps.id, self.env["ir.ui.menu"].with_user(admin).load_menus(debug=False))

    def test_new_event_prefilled_from_the_worker(self):
        category = self.env["community.event.category"].create({"name": "环境卫生"})
        form = Form(self.env["community.event"].with_user(self.grid_worker))
        self.assertEqual(form.grid_id, self.grid)
        self.assertEqual(form.community_id, self.community)
        # no deadline status before there is a deadline
        self.assertFalse(form.sla_state)
        form.title = "垃圾堆放"
        form.description = "1栋楼下垃圾堆放"
        form.category_id = category
        event = form.save()
        self.assertEqual(event.grid_id, self.grid)
        self.assertNotEqual(event.name, "/")
        self.assertTrue(event.sla_state)
