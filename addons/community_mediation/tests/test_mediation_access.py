from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediationConfidentiality(MediationCase):
    """Who may read a case: its mediators, the specialists and instructors of
    its territory, the managers of its street; nobody else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case.write({"state": "accepted", "mediator_id": cls.mediator.id})
        cls.session = cls.env["mediation.session"].create(
            {
                "case_id": cls.case.id,
                "room_id": cls.room.id,
                "start": "2026-12-01 01:00:00",
                "stop": "2026-12-01 02:00:00",
            }
        )
        cls.agreement = cls.env["mediation.agreement"].create(
            {"case_id": cls.case.id, "facts": "事实", "terms": "条款"}
        )

    def _assert_reads(self, user):
        case = self.case.with_user(user)
        self.assertEqual(case.description, "楼上漏水导致楼下天花板受损。")
        self.assertEqual(
            self.env["mediation.case"].with_user(user).search([("id", "=", self.case.id)]), case
        )
        self.assertEqual(self.session.with_user(user).room_id, self.room)
        self.assertEqual(self.agreement.with_user(user).terms, "条款")
        self.assertEqual(len(case.party_ids), 2)

    def _assert_refused(self, user):
        with self.assertRaises(AccessError):
            self.case.with_user(user).read(["description"])
        with self.assertRaises(AccessError):
            self.session.with_user(user).read(["minutes"])
        with self.assertRaises(AccessError):
            self.agreement.with_user(user).read(["terms"])
        with self.assertRaises(AccessError):
            self.case.party_ids[0].with_user(user).read(["phone"])

    def test_assigned_mediator_reads_and_works(self):
        self._assert_reads(self.mediator_user)
        self.case.with_user(self.mediator_user).description = "补充: 已拍照取证。"
        self.assertIn("拍照", self.case.description)

    def test_unassigned_mediator_refused(self):
        self._assert_refused(self.other_mediator_user)
        self.assertFalse(self.env["mediation.case"].with_user(self.other_mediator_user).search([]))

    def test_second_mediator_reads(self):
        self.case.second_mediator_id = self.other_mediator
        self._assert_reads(self.other_mediator_user)

    def test_mediator_cannot_create_or_delete_cases(self):
        with self.assertRaises(AccessError):
            self.env["mediation.case"].with_user(self.mediator_user).create(
                {"subject": "x", "description": "x", "community_id": self.community.id}
            )
        with self.assertRaises(AccessError):
            self.case.with_user(self.mediator_user).unlink()

    def test_specialist_of_the_community_reads_and_registers(self):
        self._assert_reads(self.specialist)
        case = (
            self.env["mediation.case"]
            .with_user(self.specialist)
            .create({"subject": "新案", "description": "登记", "community_id": self.community.id})
        )
        self.assertEqual(case.state, "registered")
        with self.assertRaises(AccessError):
            self.env["mediation.case"].with_user(self.specialist).create(
                {"subject": "越权", "description": "x", "community_id": self.other_community.id}
            )

    def test_specialist_of_another_community_refused(self):
        self._assert_refused(self.other_specialist)

    def test_instructor_of_the_street_reads(self):
        self._assert_reads(self.instructor)

    def test_street_manager_reads(self):
        self._assert_reads(self.manager)

    def test_manager_of_another_street_refused(self):
        other_manager = self._role_user(
            "t_manager_far", "community_grid.group_street_manager", self.other_street
        )
        self._assert_refused(other_manager)

    def test_community_staff_refused(self):
        self._assert_refused(self.staff)
        with self.assertRaises(AccessError):
            self.env["mediation.case"].with_user(self.staff).search([])

    def test_grid_worker_refused(self):
        self._assert_refused(self.grid_worker)

    def test_plain_internal_user_refused(self):
        self._assert_refused(self.plain_user)

    def test_portal_party_reads_own_case_only(self):
        self._assert_refused(self.portal_user)
        self.case.party_ids[0].partner_id = self.portal_user.partner_id
        case = self.case.with_user(self.portal_user)
        self.assertEqual(case.subject, "漏水纠纷")
        with self.assertRaises(AccessError):
            case.write({"subject": "改"})
        with self.assertRaises(AccessError):
            self.case.party_ids[1].with_user(self.portal_user).read(["phone"])

    def test_rooms_readable_by_mediators_managed_by_specialists(self):
        other_room = self.env["mediation.room"].create(
            {"name": "西社区调解室", "area_id": self.other_community.id}
        )
        self.assertEqual(other_room.with_user(self.mediator_user).name, "西社区调解室")
        with self.assertRaises(AccessError):
            self.room.with_user(self.mediator_user).name = "改名"
        self.room.with_user(self.specialist).capacity = 10
        self.assertEqual(self.room.capacity, 10)
        with self.assertRaises(AccessError):
            other_room.with_user(self.specialist).capacity = 10
        with self.assertRaises(AccessError):
            self.room.with_user(self.staff).read(["name"])
