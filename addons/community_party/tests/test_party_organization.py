from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestPartyOrganization(PartyCase):
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
        with self.assertRaisesMsg(ValidationError, "higher level"):
            Org.create(
                {
                    "name": "错层党委",
                    "org_type": "committee",
                    "parent_id": self.committee.id,
                    "area_id": self.estate.id,
                }
            )
        with self.assertRaisesMsg(ValidationError, "does not lie within"):
            Org.create(
                {
                    "name": "越界党支部",
                    "org_type": "branch",
                    "parent_id": self.committee.id,
                    "area_id": self.other_community.id,
                }
            )
        with self.assertRaisesMsg(ValidationError, "set up in a party branch"):
            Org.create({"name": "孤立党小组", "org_type": "group", "area_id": self.estate.id})
        with self.assertRaisesMsg(ValidationError, "set up in a party branch"):
            Org.create(
                {
                    "name": "党委直属党小组",
                    "org_type": "group",
                    "parent_id": self.committee.id,
                    "area_id": self.estate.id,
                }
            )

    def test_committee_general_branch_branch(self):
        """党委 → 党总支 → 党支部 → 党小组 is a valid tree (issue: same rank refused it)."""
        Org = self.env["party.organization"]
        general = Org.create(
            {
                "name": "测试党总支",
                "org_type": "general_branch",
                "parent_id": self.committee.id,
                "area_id": self.community.id,
            }
        )
        branch = Org.create(
            {
                "name": "测试第一党支部",
                "org_type": "branch",
                "parent_id": general.id,
                "area_id": self.estate.id,
            }
        )
        group = Org.create(
            {
                "name": "测试党小组",
                "org_type": "group",
                "parent_id": branch.id,
                "area_id": self.estate.id,
            }
        )
        self.assertEqual(group.parent_id.parent_id, general)
        with self.assertRaisesMsg(ValidationError, "cannot be placed below"):
            Org.create(
                {
                    "name": "倒挂党委",
                    "org_type": "committee",
                    "parent_id": general.id,
                    "area_id": self.community.id,
                }
            )

    def test_grid_and_building_consistent_with_area(self):
        building = self.resident.partner_id.household_id.building_id
        other_grid = self.outsider.partner_id.grid_id
        Org = self.env["party.organization"]
        branch = Org.create(
            {
                "name": "测试网格党支部",
                "org_type": "branch",
                "parent_id": self.committee.id,
                "area_id": self.estate.id,
                "grid_id": building.grid_id.id,
            }
        )
        group = Org.create(
            {
                "name": "1栋党小组",
                "org_type": "group",
                "parent_id": branch.id,
                "area_id": self.estate.id,
                "building_id": building.id,
            }
        )
        self.assertEqual(group.building_id, building)
        with self.assertRaisesMsg(ValidationError, "does not belong to"):
            branch.grid_id = other_grid
        with self.assertRaisesMsg(ValidationError, "does not stand in"):
            group.area_id = self.community

    def test_coverage(self):
        Area = self.env["community.area"]
        uncovered = Area.search(
            [("has_party_organization", "=", False), ("area_type", "=", "estate")]
        )
        self.assertIn(self.estate, uncovered)
        self.assertFalse(self.estate.has_party_organization)
        grid = self.resident.partner_id.grid_id
        self.assertFalse(grid.has_party_organization)
        self.env["party.organization"].create(
            {
                "name": "测试花园党支部",
                "org_type": "branch",
                "parent_id": self.committee.id,
                "area_id": self.estate.id,
                "grid_id": grid.id,
            }
        )
        self.estate.invalidate_recordset(["has_party_organization"])
        self.assertTrue(self.estate.has_party_organization)
        covered = Area.search([("has_party_organization", "=", True), ("area_type", "=", "estate")])
        self.assertIn(self.estate, covered)
        self.assertNotIn(self.other_estate, covered)
        self.assertIn(
            grid, self.env["community.grid"].search([("has_party_organization", "=", True)])
        )

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
        with self.assertRaises(AccessError):
            self.env["party.member"].with_user(self.resident).search([])
        with self.assertRaises(AccessError):
            self.env["party.member.transfer"].with_user(self.resident).search([])

    def test_demo_tree(self):
        group = self.env.ref("community_party.org_pingdong_garden_b3_demo")
        self.assertEqual(
            group.parent_id.parent_id, self.env.ref("community_party.org_pingdong_demo")
        )
        self.assertEqual(group.street_id.name, "桂城街道")
