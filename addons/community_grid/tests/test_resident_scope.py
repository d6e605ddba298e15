"""Need-to-know (PIPL): each role sees exactly the residents its work needs,
contact data in full only for the roles that call residents, care tags only
for the grid and the staff."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import CommunityCase, valid_id_number


class ResidentScopeMixin:
    @classmethod
    def _make_residents(cls):
        Partner = cls.env["res.partner"]
        cls.other_estate = cls.env["community.area"].create(
            {"name": "测试西苑", "area_type": "estate", "parent_id": cls.other_community.id}
        )
        cls.other_building = cls.env["community.building"].create(
            {"name": "9栋", "estate_id": cls.other_estate.id, "grid_id": cls.other_grid.id}
        )
        cls.other_household = cls.env["community.household"].create(
            {"building_id": cls.other_building.id, "room": "901"}
        )
        cls.tag = cls.env["community.household.tag"].create({"name": "测试残疾人"})
        cls.resident.write({"phone": "13800001111", "resident_tag_ids": [Command.set(cls.tag.ids)]})
        cls.neighbour = Partner.create(
            {
                "name": "测试邻居",
                "phone": "13800002222",
                "household_id": cls.household.id,
                "id_number": valid_id_number("19700101", 2),
            }
        )
        cls.far_resident = Partner.create(
            {
                "name": "测试西苑居民",
                "phone": "13800003333",
                "household_id": cls.other_household.id,
                "id_number": valid_id_number("19700101", 3),
            }
        )
        cls.company = Partner.create({"name": "测试物业公司", "is_company": True})
        cls.department_user = new_test_user(
            cls.env,
            login="t_scope_department",
            groups="base.group_user,community_grid.group_department_member",
        )
        cls.department = cls.env["community.department"].create(
            {"name": "测试城管中队", "member_ids": [Command.set(cls.department_user.ids)]}
        )
        category = cls.env["community.event.category"].create(
            {"name": "测试类别", "sla_amount": 2, "sla_unit": "days"}
        )
        cls.summoned_event = cls.env["community.event"].create(
            {
                "title": "楼道堆物",
                "description": "楼道堆放杂物",
                "category_id": category.id,
                "grid_id": cls.grid.id,
                "reporter_type": "resident",
                "reporter_id": cls.neighbour.id,
                "task_ids": [Command.create({"department_id": cls.department.id})],
            }
        )
        cls.manager.community_area_ids = cls.street


@tagged("post_install", "-at_install")
class TestResidentScope(ResidentScopeMixin, CommunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_residents()

    def _visible(self, user):
        return self.env["res.partner"].with_user(user).search([("is_resident", "=", True)])

    def _expected(self, domain):
        return self.env["res.partner"].search([("is_resident", "=", True), *domain])

    def test_each_role_sees_its_scope(self):
        Partner = self.env["res.partner"]
        self.assertEqual(
            self._visible(self.grid_worker),
            self._expected([("grid_id", "in", self.grid.ids)]),
            "a grid worker sees the residents of the grids they work in",
        )
        self.assertEqual(
            self._visible(self.staff),
            self._expected([("resident_community_id", "child_of", self.community.ids)]),
        )
        self.assertEqual(
            self._visible(self.manager),
            self._expected([("resident_street_id", "child_of", self.street.ids)]),
        )
        self.assertIn(self.far_resident, self._visible(self.manager))
        self.assertNotIn(self.far_resident, self._visible(self.staff))
        self.assertEqual(
            self._visible(self.department_user),
            self.neighbour,
            "a department sees the reporters of the events summoned to it, no one else",
        )
        self.assertFalse(self._visible(self.plain_user), "a plain internal user sees no resident")
        # companies and units stay visible as in standard Odoo
        self.assertIn(self.company, Partner.with_user(self.plain_user).search([]))

    def test_contact_data_masked_for_roles_that_do_not_call(self):
        by_department = self.neighbour.with_user(self.department_user).read(
            ["name", "phone", "street", "birth_date"]
        )[0]
        self.assertEqual(by_department["name"], "测试邻居")
        self.assertEqual(by_department["phone"], "138****2222")
        self.assertFalse(by_department["birth_date"])
        by_worker = self.neighbour.with_user(self.grid_worker).read(["phone", "birth_date"])[0]
        self.assertEqual(by_worker["phone"], "13800002222")
        self.assertTrue(by_worker["birth_date"])
        with self.assertRaises(UserError):
            self.neighbour.with_user(self.department_user).export_data(["name", "phone"])
        # the resident reads their own phone in full
        own = self.resident.with_user(self.portal_user).read(["phone"])[0]
        self.assertEqual(own["phone"], "13800001111")

    def test_care_tags_only_for_the_grid_and_staff(self):
        with self.assertRaises(AccessError):
            self.neighbour.with_user(self.department_user).read(["resident_tag_ids"])
        with self.assertRaises(AccessError):
            self.resident.with_user(self.portal_user).read(["resident_tag_ids"])
        tags = self.resident.with_user(self.grid_worker).read(["resident_tag_ids"])[0]
        self.assertEqual(tags["resident_tag_ids"], self.tag.ids)

    def test_nobody_writes_residents_outside_their_scope(self):
        with self.assertRaises(AccessError):
            self.neighbour.with_user(self.department_user).write({"phone": "1"})
        with self.assertRaises(AccessError):
            self.far_resident.with_user(self.grid_worker).write({"phone": "1"})
        with self.assertRaises(AccessError):
            # a resident cannot be moved into a household out of the user's scope
            self.neighbour.with_user(self.grid_worker).write(
                {"household_id": self.other_household.id}
            )


@tagged("post_install", "-at_install")
class TestResidentScopeOverRpc(ResidentScopeMixin, CommunityCase, HttpCase):
    """The attack of the issue: search_read of every resident over JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_residents()
        cls.department_user.password = "t_scope_department"

    @mute_logger("odoo.http")
    def test_department_search_read(self):
        self.authenticate("t_scope_department", "t_scope_department")
        rows = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "res.partner",
                "method": "search_read",
                "args": [[("is_resident", "=", True)], ["name", "phone", "street", "birth_date"]],
                "kwargs": {},
            },
        )
        self.assertEqual([row["id"] for row in rows], self.neighbour.ids)
        self.assertEqual(rows[0]["phone"], "138****2222")
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "res.partner",
                    "method": "search_read",
                    "args": [[("is_resident", "=", True)], ["name", "resident_tag_ids"]],
                    "kwargs": {},
                },
            )
