from contextlib import contextmanager

from odoo.addons.community_grid.tests.common import CommunityCase, new_test_user


class PartyCase(CommunityCase):
    """CommunityCase plus a party organisation tree, a party worker and
    residents of both communities with portal logins."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Org = cls.env["party.organization"]
        cls.working_committee = Org.create(
            {"name": "测试街道党工委", "org_type": "working_committee", "area_id": cls.street.id}
        )
        cls.committee = Org.create(
            {
                "name": "测试东社区党委",
                "org_type": "committee",
                "parent_id": cls.working_committee.id,
                "area_id": cls.community.id,
            }
        )
        cls.other_committee = Org.create(
            {
                "name": "测试西社区党委",
                "org_type": "committee",
                "parent_id": cls.working_committee.id,
                "area_id": cls.other_community.id,
            }
        )
        cls.party_worker = new_test_user(
            cls.env, login="t_party", groups="base.group_user,community_party.group_party_worker"
        )
        cls.party_worker.community_area_ids = cls.community
        # Residents: a grid, a building and households in each community.
        cls.other_estate = cls.env["community.area"].create(
            {"name": "测试西花园", "area_type": "estate", "parent_id": cls.other_community.id}
        )
        cls.resident = cls._resident("t_res_a", "居民甲", cls.estate, "101")
        cls.neighbour = cls._resident("t_res_b", "居民乙", cls.estate, "102")
        cls.outsider = cls._resident("t_res_c", "居民丙", cls.other_estate, "201")

    @classmethod
    def _resident(cls, login, name, estate, room):
        grid = cls.env["community.grid"].search([("community_id", "=", estate.community_id.id)])
        if not grid:
            grid = cls.env["community.grid"].create(
                {"name": f"{estate.name}网格", "community_id": estate.community_id.id}
            )
        building = cls.env["community.building"].search([("estate_id", "=", estate.id)], limit=1)
        if not building:
            building = cls.env["community.building"].create(
                {"name": "1栋", "estate_id": estate.id, "grid_id": grid.id}
            )
        household = cls.env["community.household"].create(
            {"building_id": building.id, "room": room}
        )
        user = new_test_user(cls.env, login=login, name=name, groups="base.group_portal")
        user.partner_id.household_id = household
        return user

    @contextmanager
    def assertRaisesMsg(self, exception, text):
        """assertRaises (rolled back to a savepoint) whose message holds text."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertIn(text, str(cm.exception))
