import io
import zipfile

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestMediationExport(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cases = cls.env.ref("community_mediation.case_accepted_demo") | cls.env.ref(
            "community_mediation.case_escalated_demo"
        )
        cls.url = "/mediation/cases/xlsx?ids=" + ",".join(str(i) for i in cls.cases.ids)

    def test_manager_downloads_the_workbook(self):
        self.authenticate("manager", "manager-demo")
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        for case in self.cases:
            self.assertIn(case.name, strings)
        self.assertIn("小区停车位分配群体性纠纷", strings)
        self.assertIn("编号", strings, "the headers are in the manager's language")

    def test_staff_and_residents_refused(self):
        for login in ("staff", "gridworker", "resident"):
            self.authenticate(login, login)
            response = self.url_open(self.url)
            self.assertEqual(response.status_code, 403, login)
            self.assertNotIn(b"PK", response.content[:2], login)
