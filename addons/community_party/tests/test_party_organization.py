from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.community_grid.tests.common import CommunityCase


@tagged("post_install", "-at_install")
class TestPartyOrganization(CommunityCase):
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

    def test_tree_and_territory(self):
        branch = self.env["party.organization"].create(
            {
                "name": "测试花园党支部",
                "org_type": "branch",
                "parent_id": self.committee.id,
                "area_id": self.estate.id,
            }
        )
        self.assertEqual(branch.complete_name, "测试街道党工委 / 测试东社区党委 / 测试花园党支部")
        self.assertEqual(branch.community_id, self.community)
        self.assertEqual(branch.street_id, self.street)
        below = self.env["party.organization"].search(
            [("id", "child_of", self.working_committee.id)]
        )
        self.assertEqual(len(below), 4)

    def test_level_and_territory_constraints(self):
        Org = self.env["party.organization"]
        with self.assertRaisesRegex(ValidationError, "higher level"):
            Org.create(
                {
                    "name": "错层党委",
                    "org_type": "committee",
                    "parent_id": self.committee.id,
                    "area_id": self.estate.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "does not lie within"):
            Org.create(
                {
                    "name": "越界党支部",
                    "org_type": "branch",
                    "parent_id": self.committee.id,
                    "area_id": self.other_community.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "must belong to a branch"):
            Org.create({"name": "孤立党小组", "org_type": "group", "area_id": self.estate.id})

    def test_party_worker_scoped_to_territory(self):
        Org = self.env["party.organization"].with_user(self.party_worker)
        visible = Org.search([])
        self.assertIn(self.committee, visible)
        self.assertNotIn(self.other_committee, visible)
        self.assertNotIn(self.working_committee, visible)
        self.committee.with_user(self.party_worker).secretary_id = self.party_worker.partner_id
        self.assertEqual(self.committee.secretary_id, self.party_worker.partner_id)
        with self.assertRaises(AccessError):
            self.other_committee.with_user(self.party_worker).name = "越权"
        with self.assertRaises(AccessError):
            self.committee.with_user(self.party_worker).unlink()

    def test_grid_worker_reads_only(self):
        self.grid_worker.community_area_ids = self.community
        org = self.committee.with_user(self.grid_worker)
        self.assertEqual(org.name, "测试东社区党委")
        with self.assertRaises(AccessError):
            org.name = "网格员改名"

    def test_portal_refused(self):
        with self.assertRaises(AccessError):
            self.env["party.organization"].with_user(self.portal_user).search([])

    def test_demo_tree(self):
        group = self.env.ref("community_party.org_pingdong_garden_b3_demo")
        self.assertEqual(
            group.parent_id.parent_id, self.env.ref("community_party.org_pingdong_demo")
        )
        self.assertEqual(group.street_id.name, "桂城街道")
