from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediationScreening(MediationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grid = cls.env["community.grid"].create(
            {"name": "第一网格", "community_id": cls.community.id}
        )
        cls.screening = cls.env["mediation.screening"].create(
            {
                "name": "第四季度大排查",
                "community_id": cls.community.id,
                "grid_ids": [Command.set(cls.grid.ids)],
            }
        )

    def test_finding_becomes_a_case(self):
        finding = self.env["mediation.screening.finding"].create(
            {
                "screening_id": self.screening.id,
                "grid_id": self.grid.id,
                "description": "楼顶违建加层\n住户担心漏水",
                "parties": "1栋住户，楼顶住户",
                "risk_level": "medium",
            }
        )
        self.assertEqual(self.screening.finding_count, 1)
        finding.action_create_case()
        case = finding.case_id
        self.assertEqual(case.source, "screening")
        self.assertEqual(case.subject, "楼顶违建加层")
        self.assertEqual(case.community_id, self.community)
        self.assertEqual(case.party_ids.mapped("name"), ["1栋住户", "楼顶住户"])
        with self.assertRaisesRegex(UserError, "already became"):
            finding.action_create_case()

    def test_grids_of_the_community_only(self):
        foreign = self.env["community.grid"].create(
            {"name": "西网格", "community_id": self.other_community.id}
        )
        with self.assertRaisesRegex(ValidationError, "screen only the grids"):
            self.screening.grid_ids = [Command.link(foreign.id)]

    def test_access(self):
        self.screening.with_user(self.specialist).action_start()
        self.assertEqual(self.screening.state, "ongoing")
        self.assertEqual(self.screening.with_user(self.manager).name, "第四季度大排查")
        with self.assertRaises(AccessError):
            self.screening.with_user(self.other_specialist).read(["name"])
        with self.assertRaises(AccessError):
            self.screening.with_user(self.staff).read(["name"])
