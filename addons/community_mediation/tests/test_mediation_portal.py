import base64
from urllib.parse import urlparse

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestMediationPortal(HttpCase):
    """The demo resident 张桂英 (login ``resident``) over HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident = cls.env.ref("community_grid.user_resident_demo")
        cls.own_case = cls.env.ref("community_mediation.case_registered_demo")
        cls.settled_case = cls.env.ref("community_mediation.case_concluded_demo")
        cls.foreign_case = cls.env.ref("community_mediation.case_accepted_demo")
        cls.Case = cls.env["mediation.case"]

    def setUp(self):
        super().setUp()
        self.authenticate("resident", "resident-demo")

    def _post_application(self, files=None, **data):
        payload = {
            "dispute_type": "neighbour",
            "other_party": "楼下101住户",
            "description": "楼下住户在公共绿地种菜施肥, 气味很大。",
            "preferred_time": "周末上午",
            "csrf_token": http.Request.csrf_token(self),
        }
        payload.update(data)
        return self.url_open("/my/mediation/apply", data=payload, files=files)

    def test_list_shows_own_cases_only(self):
        response = self.url_open("/my/mediation")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.own_case.name, response.text)
        self.assertIn(self.settled_case.name, response.text)
        self.assertNotIn(self.foreign_case.name, response.text)

    def test_detail_hides_other_parties_contacts(self):
        response = self.url_open(f"/my/mediation/{self.own_case.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("楼上夜间噪音扰民", response.text)
        self.assertIn("平东花园3栋2单元602住户", response.text, "the other party's name is shown")
        self.assertNotIn("13700002002", response.text, "but never their phone")
        settled = self.url_open(f"/my/mediation/{self.settled_case.id}").text
        self.assertIn("陈伯", settled)
        self.assertNotIn("13900001002", settled)
        self.assertNotIn("440605", settled, "no ID numbers")

    def test_detail_shows_sessions_without_minutes(self):
        session = self.env.ref("community_mediation.session_concluded_demo")
        page = self.url_open(f"/my/mediation/{self.settled_case.id}").text
        self.assertIn("平东社区人民调解室", page)
        self.assertIn("o_mediation_sessions", page)
        self.assertNotIn("讲解消防规定", page, "the minutes stay confidential")
        self.assertIn("讲解消防规定", session.minutes)

    def test_foreign_case_redirects_to_my(self):
        for url in (
            f"/my/mediation/{self.foreign_case.id}",
            f"/my/mediation/{self.foreign_case.id}/agreement",
            "/my/mediation/999999999",
        ):
            response = self.url_open(url)
            self.assertEqual(urlparse(response.url).path, "/my", url)
            self.assertNotIn(self.foreign_case.subject, response.text)

    def test_download_issued_agreement(self):
        response = self.url_open(f"/my/mediation/{self.settled_case.id}/agreement")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        # In test mode Odoo renders reports as HTML instead of calling
        # wkhtmltopdf (ir.actions.report._render_qweb_pdf); the PDF itself is
        # tested in test_mediation_agreement.
        self.assertIn("人民调解协议书", response.text)
        self.assertIn(self.settled_case.name, response.text)
        # no agreement issued yet: back to the case
        response = self.url_open(f"/my/mediation/{self.own_case.id}/agreement")
        self.assertEqual(urlparse(response.url).path, f"/my/mediation/{self.own_case.id}")

    def test_apply_creates_a_case(self):
        before = self.Case.search_count([])
        response = self._post_application()
        self.assertEqual(response.status_code, 200)
        case = self.Case.search([], order="id desc", limit=1)
        self.assertEqual(self.Case.search_count([]), before + 1)
        self.assertEqual(urlparse(response.url).path, f"/my/mediation/{case.id}")
        self.assertIn(case.name, response.text)
        self.assertEqual(case.source, "portal")
        self.assertEqual(case.state, "registered")
        self.assertEqual(case.community_id, self.env.ref("community_grid.area_pingdong_demo"))
        self.assertEqual(case.applicant_partner_id, self.resident.partner_id)
        self.assertEqual(case.preferred_time, "周末上午")
        respondent = case.party_ids.filtered(lambda p: p.role == "respondent")
        self.assertEqual((respondent.name, respondent.partner_id.id), ("楼下101住户", False))

    def test_apply_with_bad_input_explains_and_creates_nothing(self):
        before = self.Case.search_count([])
        response = self._post_application(description="太吵", other_party="", dispute_type="x")
        self.assertEqual(response.status_code, 200)
        # the resident reads Chinese: the messages come from zh_CN.po
        self.assertIn("请用至少 10 个字描述纠纷", response.text)
        self.assertIn("请填写纠纷的对方当事人", response.text)
        self.assertIn("请选择纠纷类型", response.text)
        self.assertIn("太吵", response.text, "what was typed is kept")
        self.assertEqual(self.Case.search_count([]), before)

    def test_apply_without_community_is_refused(self):
        self.resident.partner_id.household_id = False
        before = self.Case.search_count([])
        response = self._post_application()
        self.assertIn("您的住址尚未在社区登记", response.text)
        self.assertEqual(self.Case.search_count([]), before)

    @mute_logger("odoo.http")
    def test_apply_without_csrf_token_refused(self):
        before = self.Case.search_count([])
        response = self._post_application(csrf_token="")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.Case.search_count([]), before)

    def test_home_counter(self):
        response = self.url_open("/my/home")
        self.assertIn("/my/mediation", response.text)

    def test_apply_with_a_photo(self):
        png = base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )
        response = self._post_application(files={"attachments": ("现场照片.png", png, "image/png")})
        case = self.Case.search([], order="id desc", limit=1)
        self.assertEqual(urlparse(response.url).path, f"/my/mediation/{case.id}")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "mediation.case"), ("res_id", "=", case.id)]
        )
        self.assertEqual(attachment.name, "现场照片.png")
        self.assertEqual(attachment.mimetype, "image/png")

    def test_apply_with_a_program_refused(self):
        before = self.Case.search_count([])
        response = self._post_application(
            files={"attachments": ("virus.exe", b"MZ\x90\x00" + b"\x00" * 64, "image/png")}
        )
        self.assertIn("virus.exe", response.text)
        self.assertIn("is-invalid", response.text)
        self.assertEqual(self.Case.search_count([]), before)
        self.assertFalse(self.env["ir.attachment"].search_count([("name", "=", "virus.exe")]))

    def test_apply_with_an_svg_refused(self):
        """SVG is an image that runs scripts when opened: not among the accepted types."""
        before = self.Case.search_count([])
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        response = self._post_application(files={"attachments": ("map.png", svg, "image/png")})
        self.assertIn("map.png", response.text)
        self.assertIn("is-invalid", response.text)
        self.assertEqual(self.Case.search_count([]), before)
        self.assertFalse(self.env["ir.attachment"].search_count([("name", "=", "map.png")]))
