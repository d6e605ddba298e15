from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CommunityCase


@tagged("post_install", "-at_install")
class TestCommunityArea(CommunityCase):
    def test_tree_paths_and_levels(self):
        self.assertEqual(self.estate.complete_name, "测试区 / 测试街道 / 测试东社区 / 测试花园")
        self.assertEqual(self.estate.street_id, self.street)
        self.assertEqual(self.estate.community_id, self.community)
        self.assertEqual(self.estate.district_id, self.district)
        self.assertTrue(self.estate.parent_path.startswith(self.district.parent_path))
        below = self.env["community.area"].search([("id", "child_of", self.street.id)])
        self.assertIn(self.estate, below)
        self.assertNotIn(self.other_street, below)
        self.assertEqual(self.street.child_count, 2)

    def test_levels_follow_a_move(self):
        self.community.parent_id = self.other_street
        self.assertEqual(self.estate.street_id, self.other_street)
        self.assertEqual(self.estate.complete_name, "测试区 / 另一街道 / 测试东社区 / 测试花园")

    def test_parent_must_be_one_level_up(self):
        with self.assertRaisesRegex(ValidationError, "choose a parent one level up"):
            self.env["community.area"].create(
                {"name": "错层小区", "area_type": "estate", "parent_id": self.street.id}
            )
        with self.assertRaises(UserError):  # a cycle
            self.district.parent_id = self.estate

    def test_changing_a_type_must_keep_children_fitting(self):
        with self.assertRaisesRegex(ValidationError, "move them first"):
            self.district.area_type = "street"

    @mute_logger("odoo.sql_db")
    def test_code_is_unique(self):
        self.community.code = "440605001"
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.other_community.code = "440605001"
            self.env.flush_all()

    def test_staff_edit_own_community_only(self):
        Area = self.env["community.area"]
        self.estate.with_user(self.staff).name = "测试花园二期"
        self.assertEqual(self.estate.name, "测试花园二期")
        new_estate = Area.with_user(self.staff).create(
            {"name": "新小区", "area_type": "estate", "parent_id": self.community.id}
        )
        self.assertEqual(new_estate.community_id, self.community)
        with self.assertRaises(AccessError):
            self.other_community.with_user(self.staff).name = "越权修改"
        with self.assertRaises(AccessError):
            Area.with_user(self.staff).create(
                {"name": "越权小区", "area_type": "estate", "parent_id": self.other_community.id}
            )
        with self.assertRaises(AccessError):
            self.estate.with_user(self.staff).unlink()

    def test_grid_worker_reads_but_never_writes(self):
        areas = (
            self.env["community.area"]
            .with_user(self.grid_worker)
            .search([("id", "child_of", self.district.id)])
        )
        self.assertIn(self.other_street, areas)
        with self.assertRaises(AccessError):
            self.estate.with_user(self.grid_worker).name = "网格员改名"

    def test_manager_edits_and_deletes_in_own_street(self):
        self.other_community.with_user(self.manager).name = "测试西社区(新)"
        extra = self.env["community.area"].create(
            {"name": "待删小区", "area_type": "estate", "parent_id": self.other_community.id}
        )
        extra.with_user(self.manager).unlink()
        self.assertFalse(extra.exists())
        with self.assertRaises(AccessError):
            self.other_street.with_user(self.manager).name = "别的街道"

    def test_portal_user_has_no_access(self):
        with self.assertRaises(AccessError):
            self.env["community.area"].with_user(self.portal_user).search([])

    def test_demo_territory_is_loaded(self):
        pingdong = self.env.ref("community_grid.area_pingdong_demo")
        communities = self.env["community.area"].search_count(
            [("area_type", "=", "community"), ("district_id", "=", pingdong.district_id.id)]
        )
        # seed 000, annex 2 lists 20 pilot communities in 7 towns and streets
        self.assertEqual(communities, 20)
        self.assertEqual(pingdong.street_id.name, "桂城街道")


@tagged("post_install", "-at_install")
class TestPersonalData(CommunityCase):
    def test_masks(self):
        from ..models.res_partner import mask_id_number, mask_phone

        self.assertEqual(mask_id_number("440605195803120245"), "4406**********0245")
        self.assertEqual(mask_phone("13900001001"), "139****1001")

    def test_id_number_only_for_staff(self):
        resident = self.resident
        self.assertTrue(resident.with_user(self.staff).id_number)
        self.assertEqual(
            resident.with_user(self.grid_worker).id_number_masked,
            resident.id_number[:4] + "*" * 10 + resident.id_number[-4:],
        )
        with self.assertRaises(AccessError):
            resident.with_user(self.grid_worker).read(["id_number"])

    def test_birth_date_and_gender_from_id_number(self):
        from .common import valid_id_number

        partner = self.env["res.partner"].create(
            {"name": "测试居民", "id_number": valid_id_number("19661231", 12)}
        )
        self.assertEqual(str(partner.birth_date), "1966-12-31")
        self.assertEqual(partner.gender, "female", "an even 17th digit")

    def test_invalid_id_numbers_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "18 characters"):
            self.env["res.partner"].create({"name": "甲", "id_number": "4406051980"})
        from .common import valid_id_number

        with self.assertRaisesRegex(ValidationError, "is not valid"):  # 45 December
            self.env["res.partner"].create({"name": "乙", "id_number": valid_id_number("19801245")})
        with self.assertRaisesRegex(ValidationError, "check digit"):
            good = valid_id_number("19801201")
            self.env["res.partner"].create(
                {"name": "丙", "id_number": good[:-1] + ("1" if good[-1] != "1" else "2")}
            )


@tagged("post_install", "-at_install")
class TestGridStaffing(CommunityCase):
    def test_one_worker_per_150_households(self):
        Household = self.env["community.household"]
        Household.create(
            [{"building_id": self.building.id, "room": f"{i}"} for i in range(200, 350)]
        )
        self.assertEqual(self.grid.household_count, 151)
        self.assertEqual(self.grid.workers_needed, 2)
        self.assertEqual(self.grid.staffing_status, "understaffed")
        self.grid.worker_ids = [(4, self.staff.id)]
        self.assertEqual(self.grid.staffing_status, "ok")
        self.assertAlmostEqual(self.grid.households_per_worker, 75.5)
        breaking = self.env["community.grid"].search([("staffing_status", "!=", "ok")])
        self.assertNotIn(self.grid, breaking)
        self.assertIn(self.other_grid, breaking, "no leader")
        self.assertEqual(self.other_grid.staffing_status, "no_leader")

    def test_building_must_lie_in_a_grid_of_its_community(self):
        with self.assertRaisesRegex(ValidationError, "choose a grid of the building"):
            self.env["community.building"].create(
                {"name": "2栋", "estate_id": self.estate.id, "grid_id": self.other_grid.id}
            )

    def test_grid_worker_sees_own_grid_households_only(self):
        other_building = self.env["community.building"].create(
            {
                "name": "9栋",
                "estate_id": self.env["community.area"]
                .create(
                    {"name": "西小区", "area_type": "estate", "parent_id": self.other_community.id}
                )
                .id,
                "grid_id": self.other_grid.id,
            }
        )
        other_household = self.env["community.household"].create(
            {"building_id": other_building.id, "room": "1"}
        )
        Household = self.env["community.household"].with_user(self.grid_worker)
        self.assertIn(self.household, Household.search([]))
        self.assertNotIn(other_household, Household.search([]))
        with self.assertRaises(AccessError):
            self.household.with_user(self.grid_worker).room = "102"
        residents = (
            self.env["res.partner"].with_user(self.grid_worker).search([("is_resident", "=", True)])
        )
        self.assertIn(self.resident, residents)

    def test_portal_resident_sees_own_household_only(self):
        Household = self.env["community.household"].with_user(self.portal_user)
        self.assertEqual(Household.search([]), self.household)

    def test_building_head_coverage(self):
        self.assertFalse(self.building.has_head)
        self.building.head_id = self.resident
        self.assertTrue(self.building.has_head)
        covered = self.env["community.building"]._read_group(
            [("community_id", "=", self.community.id)], ["has_head"], ["__count"]
        )
        self.assertEqual(dict(covered), {True: 1})

    def test_smart_button_opens_the_sub_areas(self):
        action = self.street.action_view_children()
        self.assertEqual(action["res_model"], "community.area")
        self.assertEqual(action["domain"], [("parent_id", "=", self.street.id)])
        self.assertEqual(action["context"], {"default_parent_id": self.street.id})
        self.assertEqual(
            self.env["community.area"].search(action["domain"]),
            self.community | self.other_community,
        )
