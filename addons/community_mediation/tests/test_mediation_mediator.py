from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.community_grid.tests.common import CommunityCase, new_test_user


@tagged("post_install", "-at_install")
class TestMediationMediator(CommunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.mediator = cls.env["mediation.mediator"].create(
            {
                "partner_id": Partner.create({"name": "调解员甲"}).id,
                "tier": "mediator",
                "area_id": cls.community.id,
            }
        )
        cls.other_mediator = cls.env["mediation.mediator"].create(
            {
                "partner_id": Partner.create({"name": "调解员乙"}).id,
                "tier": "mediator",
                "area_id": cls.other_community.id,
            }
        )
        cls.specialist = new_test_user(
            cls.env,
            login="t_specialist_m",
            groups="base.group_user,community_mediation.group_mediation_specialist",
        )
        cls.specialist.community_area_ids = cls.community

    def test_tiers_order_and_territory(self):
        instructor = self.env["mediation.mediator"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "指导员"}).id,
                "tier": "instructor",
                "area_id": self.street.id,
                "workroom": "指导员个人调解工作室",
            }
        )
        self.assertEqual(instructor.street_id, self.street)
        found = self.env["mediation.mediator"].search([("area_id", "child_of", self.street.id)])
        self.assertEqual(found[0], instructor, "instructors are listed first")
        self.assertEqual(self.mediator.community_id, self.community)

    def test_area_constraints(self):
        Partner = self.env["res.partner"]
        with self.assertRaisesRegex(ValidationError, "not with an estate"):
            self.env["mediation.mediator"].create(
                {"partner_id": Partner.create({"name": "甲"}).id, "area_id": self.estate.id}
            )
        with self.assertRaisesRegex(ValidationError, "work in one community"):
            self.env["mediation.mediator"].create(
                {
                    "partner_id": Partner.create({"name": "乙"}).id,
                    "tier": "specialist",
                    "area_id": self.street.id,
                }
            )

    @mute_logger("odoo.sql_db")
    def test_one_profile_per_person(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["mediation.mediator"].create(
                {"partner_id": self.mediator.partner_id.id, "area_id": self.community.id}
            )

    def test_specialist_manages_own_territory(self):
        Mediator = self.env["mediation.mediator"].with_user(self.specialist)
        self.assertEqual(Mediator.search([]), self.mediator)
        self.mediator.with_user(self.specialist).speciality = "邻里纠纷"
        self.assertEqual(self.mediator.speciality, "邻里纠纷")
        with self.assertRaises(AccessError):
            self.other_mediator.with_user(self.specialist).speciality = "越权"

    def test_staff_read_only(self):
        mediator = self.mediator.with_user(self.staff)
        self.assertEqual(mediator.name, "调解员甲")
        with self.assertRaises(AccessError):
            mediator.speciality = "改"
        with self.assertRaises(AccessError):
            self.other_mediator.with_user(self.staff).read(["name"])

    def test_grid_worker_and_portal_refused(self):
        with self.assertRaises(AccessError):
            self.env["mediation.mediator"].with_user(self.grid_worker).search([])
        with self.assertRaises(AccessError):
            self.env["mediation.mediator"].with_user(self.portal_user).search([])

    def test_demo_tiers(self):
        tiers = set(
            self.env["mediation.mediator"]
            .search([("street_id", "=", self.env.ref("community_grid.area_guicheng_demo").id)])
            .mapped("tier")
        )
        self.assertEqual(tiers, {"instructor", "specialist", "mediator"})
