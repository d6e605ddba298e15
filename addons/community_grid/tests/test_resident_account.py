from odoo.http import Request
from odoo.tests import HttpCase, tagged

from .common import CommunityCase


@tagged("post_install", "-at_install")
class TestResidentAccount(CommunityCase, HttpCase):
    """/my/account for a resident: phone and e-mail, the register's name and
    household, none of a customer's billing fields."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident.write(
            {"is_resident": True, "lang": "zh_CN", "zip": "528200", "phone": "13900000009"}
        )

    def test_account_page_has_what_a_resident_has(self):
        self.authenticate("t_resident", "t_resident")
        page = self.url_open("/my/account")
        self.assertEqual(page.status_code, 200)
        for billing in ('name="company_name"', 'name="vat"', 'name="zipcode"', 'name="street2"'):
            self.assertNotIn(billing, page.text)
        self.assertNotIn('name="country_id"', page.text)
        self.assertIn(self.household.name, page.text)
        self.assertIn('name="phone"', page.text)
        # the resident changes their phone; the rest stays as registered
        response = self.url_open(
            "/my/account",
            data={
                "csrf_token": Request.csrf_token(self),
                "phone": "13900000010",
                "email": "resident@example.com",
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.resident.invalidate_recordset()
        self.assertEqual(self.resident.phone, "13900000010")
        self.assertEqual(self.resident.email, "resident@example.com")
        self.assertEqual(self.resident.zip, "528200")
        self.assertEqual(self.resident.name, self.portal_user.name)

    def test_no_phone_is_refused(self):
        self.authenticate("t_resident", "t_resident")
        response = self.url_open(
            "/my/account",
            data={"csrf_token": Request.csrf_token(self), "phone": "", "email": ""},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 200)
        self.resident.invalidate_recordset()
        self.assertEqual(self.resident.phone, "13900000009")
