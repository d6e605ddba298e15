import io
import zipfile

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestReports(HttpCase):
    def test_quarterly_service_report(self):
        wizard = self.env["party.service.report.wizard"].create({})
        data = wizard._report_data()
        values = self.env["report.community_party.report_service_quarter"]._get_report_values(
            [], data
        )
        employers = [line["employer"] for line in values["lines"]]
        hospital = self.env.ref("community_party.partner_employer_hospital_demo")
        self.assertIn(hospital, employers)
        line = next(line for line in values["lines"] if line["employer"] == hospital)
        self.assertEqual(line["members"], 1)
        self.assertEqual(line["registered"], 1)
        self.assertEqual(line["rate"], 1.0)
        report = self.env.ref("community_party.action_report_service_quarter")
        # Debian's wkhtmltopdf (unpatched Qt) reports on stderr that it ignores
        # the header switches; Odoo logs that as a warning.
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, report_type = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                report, wizard.ids, data=data
            )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def _xlsx_strings(self, content):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.read("xl/sharedStrings.xml").decode()

    def test_compliance_xlsx(self):
        self.authenticate("staff", "staff-demo")
        response = self.url_open("/community_party/compliance.xlsx")
        self.assertEqual(response.status_code, 200)
        strings = self._xlsx_strings(response.content)
        self.assertIn("平东花园业主委员会", strings)
        self.assertIn("平东新村业主委员会", strings)

    def test_service_xlsx_scoped_by_rules(self):
        self.authenticate("staff", "staff-demo")
        response = self.url_open("/community_party/service_quarter.xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("佛山市南海区人民医院", self._xlsx_strings(response.content))
        # Residents are refused: the data is not theirs to see.
        self.authenticate("resident", "resident-demo")
        response = self.url_open("/community_party/compliance.xlsx")
        self.assertNotEqual(response.status_code, 200)
