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
