from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestTerritoryTour(HttpCase):
    def test_staff_annotates_an_estate(self):
        estate = self.env.ref("community_grid.area_pingdong_garden_demo")
        self.start_tour(
            "/odoo/action-community_grid.community_area_action",
            "community_grid_territory_tour",
            login="staff",
        )
        self.assertEqual(estate.note, "3栋2单元已完成入户走访")

    def test_staff_accept_an_event_from_the_kanban(self):
        event = self.env.ref("community_grid.event_new_demo")
        self.start_tour(
            "/odoo/action-community_grid.community_event_action",
            "community_event_backend_tour",
            login="staff",
        )
        self.assertEqual(event.state, "accepted")
        self.assertEqual(event.user_id.login, "staff")


@tagged("post_install", "-at_install")
class TestClickEverywhere(HttpCase):
    """Odoo's clickbot opens every menu of the 社区治理 app and every view of
    each action: a view that cannot load fails here."""

    allow_end_on_form = True

    def test_click_everywhere_as_admin(self):
        admin = self.env.ref("base.user_admin")
        if "tour_enabled" in admin._fields:
            admin.tour_enabled = False
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            ".startClickEverywhere('community_grid.menu_community_root');",
            "odoo.isReady === true",
            login="admin",
            timeout=900,
            success_signal="clickbot test succeeded",
        )


@tagged("post_install", "-at_install")
class TestPhoneTour(HttpCase):
    """A grid worker on a phone (the demo data's 网格员)."""

    browser_size = "375x667"
    touch_enabled = True

    def test_grid_worker_lands_on_work_and_reads_cards(self):
        worker = self.env.ref("community_grid.user_grid_worker_demo")
        worker.lang = "zh_CN"
        home = self.env.ref("community_grid.community_event_action_my_work")
        self.assertEqual(worker.action_id.id, home.id)
        self.start_tour("/odoo", "community_grid_worker_phone_tour", login=worker.login)
