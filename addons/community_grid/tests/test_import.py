from odoo.tests import tagged

from .common import CommunityCase, valid_id_number


@tagged("post_install", "-at_install")
class TestResidentImport(CommunityCase):
    """Residents arrive from spreadsheets through Odoo's import (`load`)."""

    FIELDS = ["name", "is_resident", "household_id/.id", "household_relation", "id_number", "phone"]

    def _rows(self, *numbers):
        return [
            [f"居民{i}", "1", str(self.household.id), "child", number, "13800000000"]
            for i, number in enumerate(numbers)
        ]

    def test_good_rows_are_imported(self):
        result = self.env["res.partner"].load(
            self.FIELDS, self._rows(valid_id_number("19900101", 11), valid_id_number("19920202", 12))
        )
        self.assertFalse(result["messages"])
        residents = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(residents.household_id, self.household)
        self.assertEqual(residents.mapped("grid_id"), self.grid)
        self.assertEqual(str(residents[0].birth_date), "1990-01-01")

    def test_a_bad_row_writes_nothing(self):
        before = self.env["res.partner"].search_count([("household_id", "=", self.household.id)])
        good = valid_id_number("19900101", 11)
        bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # wrong check digit
        result = self.env["res.partner"].load(self.FIELDS, self._rows(good, bad))
        self.assertFalse(result["ids"], "the whole file is refused")
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(errors)
        self.assertIn(1, [m["record"] for m in errors], "the second row is pointed at")
        self.assertIn("居民1", errors[0]["message"], "the resident is named")
        self.assertIn("check digit", errors[0]["message"])
        self.assertEqual(
            self.env["res.partner"].search_count([("household_id", "=", self.household.id)]), before
        )

    def test_duplicate_id_number_is_refused(self):
        number = valid_id_number("19850505", 21)
        result = self.env["res.partner"].load(self.FIELDS, self._rows(number, number))
        self.assertFalse(result["ids"])
        self.assertIn("already registered", result["messages"][0]["message"])
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "居民0")]), 0)

    def test_short_id_number(self):
        result = self.env["res.partner"].load(self.FIELDS, self._rows("44060519900101"))
        self.assertIn("18 characters", result["messages"][0]["message"])
