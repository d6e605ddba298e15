from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediationRoomBooking(MediationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_case = cls.case.copy({"subject": "另一纠纷"})
        cls.booked = cls.env["mediation.session"].create(
            {
                "case_id": cls.case.id,
                "room_id": cls.room.id,
                "start": "2026-12-01 01:00:00",
                "stop": "2026-12-01 03:00:00",
            }
        )

    def _book(self, start, stop, room=None, **extra):
        return self.env["mediation.session"].create(
            {
                "case_id": self.other_case.id,
                "room_id": (room or self.room).id,
                "start": start,
                "stop": stop,
                **extra,
            }
        )

    def test_overlap_refused(self):
        with self.assertRaisesRegex(ValidationError, "already booked"):
            self._book("2026-12-01 02:00:00", "2026-12-01 04:00:00")
        with self.assertRaisesRegex(ValidationError, "already booked"):
            self._book("2026-12-01 01:30:00", "2026-12-01 02:00:00")
        self.assertEqual(
            self.env["mediation.session"].search_count([("room_id", "=", self.room.id)]), 1
        )

    def test_back_to_back_and_other_room_allowed(self):
        after = self._book("2026-12-01 03:00:00", "2026-12-01 04:00:00")
        self.assertEqual(after.room_id, self.room)
        workroom = self.env["mediation.room"].create(
            {
                "name": "个人调解工作室",
                "room_type": "workroom",
                "area_id": self.street.id,
                "mediator_id": self.mediator.id,
            }
        )
        same_time = self._book("2026-12-01 01:00:00", "2026-12-01 03:00:00", room=workroom)
        self.assertEqual(same_time.room_id, workroom)

    def test_moving_into_a_booked_slot_refused(self):
        later = self._book("2026-12-01 05:00:00", "2026-12-01 06:00:00")
        with self.assertRaisesRegex(ValidationError, "already booked"):
            later.write({"start": "2026-12-01 02:00:00"})
        self.assertEqual(str(later.start), "2026-12-01 05:00:00")

    def test_cancelled_session_frees_the_room(self):
        self.booked.action_cancel()
        again = self._book("2026-12-01 01:00:00", "2026-12-01 03:00:00")
        self.assertEqual(again.state, "planned")
        with self.assertRaisesRegex(ValidationError, "already booked"):
            self.booked.state = "planned"

    def test_end_before_start_refused(self):
        with self.assertRaisesRegex(ValidationError, "end after it starts"):
            self._book("2026-12-02 03:00:00", "2026-12-02 01:00:00")

    def test_workroom_needs_holder(self):
        with self.assertRaisesRegex(ValidationError, "needs its holder"):
            self.env["mediation.room"].create(
                {"name": "无主工作室", "room_type": "workroom", "area_id": self.street.id}
            )

    @mute_logger("odoo.sql_db")
    def test_database_guard_against_overlap(self):
        """Even a write that bypasses the ORM cannot double-book a room."""
        later = self._book("2026-12-01 05:00:00", "2026-12-01 06:00:00")
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.cr.execute(
                "UPDATE mediation_session SET start = %s WHERE id = %s",
                ("2026-12-01 02:00:00", later.id),
            )
