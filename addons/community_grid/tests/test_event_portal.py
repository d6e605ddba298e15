import io

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestEventPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident = cls.env.ref("community_grid.user_resident_demo")
        cls.own_new = cls.env.ref("community_grid.event_new_demo")
        cls.own_handled = cls.env.ref("community_grid.event_handled_demo")
        cls.foreign = cls.env.ref("community_grid.event_overdue_demo")
        cls.category = cls.env.ref("community_grid.event_category_environment")

    def setUp(self):
        super().setUp()
        self.authenticate("resident", "resident-demo")

    def _token(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]

    def test_list_shows_own_reports_only(self):
        page = self.url_open("/my/events")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.own_new.title, page.text)
        self.assertIn(self.own_handled.title, page.text)
        self.assertNotIn(self.foreign.title, page.text)

    def test_detail_and_idor(self):
        page = self.url_open(f"/my/events/{self.own_handled.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.own_handled.answer, page.text)
        foreign = self.url_open(f"/my/events/{self.foreign.id}", allow_redirects=False)
        self.assertIn(foreign.status_code, (302, 303))
        self.assertTrue(foreign.headers["Location"].endswith("/my"))
        self.assertNotIn(self.foreign.title, foreign.text)

    def test_report_with_a_photo(self):
        token = self._token("/my/events/new")
        png = (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
            b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
            b"\x00\x00\x00IEND\xaeB`\x82"
        )
        resp = self.url_open(
            "/my/events/new",
            data={
                "csrf_token": token,
                "category_id": self.category.id,
                "title": "垃圾桶满溢",
                "description": "3栋旁垃圾桶两天未清运",
                "where": "grid",
            },
            files={"photos": ("photo.png", io.BytesIO(png), "image/png")},
        )
        self.assertEqual(resp.status_code, 200)
        event = self.env["community.event"].search([("title", "=", "垃圾桶满溢")])
        self.assertEqual(len(event), 1)
        self.assertEqual(event.reporter_id, self.resident.partner_id)
        self.assertEqual(event.grid_id, self.resident.partner_id.grid_id)
        self.assertEqual(event.state, "new")
        self.assertFalse(event.user_id)
        photo = self.env["ir.attachment"].search(
            [("res_model", "=", "community.event"), ("res_id", "=", event.id)]
        )
        self.assertEqual(photo.mimetype, "image/png")
        self.assertIn("垃圾桶满溢", resp.text)

    def test_bad_upload_is_refused_with_a_message(self):
        token = self._token("/my/events/new")
        resp = self.url_open(
            "/my/events/new",
            data={
                "csrf_token": token,
                "category_id": self.category.id,
                "title": "附件错误",
                "description": "测试",
            },
            files={"photos": ("notes.txt", io.BytesIO(b"hello"), "text/plain")},
        )
        self.assertEqual(resp.status_code, 200)
        self.assertIn("notes.txt", resp.text)
        self.assertIn("o_event_error", resp.text)
        self.assertFalse(self.env["community.event"].search([("title", "=", "附件错误")]))

    def test_missing_fields_are_refused(self):
        token = self._token("/my/events/new")
        resp = self.url_open(
            "/my/events/new",
            data={"csrf_token": token, "category_id": "", "title": "", "description": ""},
        )
        self.assertIn("o_event_error", resp.text)

    @mute_logger("odoo.http")
    def test_post_without_csrf_token_is_rejected(self):
        resp = self.url_open(
            "/my/events/new",
            data={"category_id": self.category.id, "title": "无令牌", "description": "x"},
        )
        self.assertEqual(resp.status_code, 400)
        self.assertFalse(self.env["community.event"].search([("title", "=", "无令牌")]))

    def test_rate_own_handled_report(self):
        token = self._token(f"/my/events/{self.own_handled.id}")
        resp = self.url_open(
            f"/my/events/{self.own_handled.id}/rate",
            data={"csrf_token": token, "rating": "5", "comment": "很满意"},
        )
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(self.own_handled.state, "closed")
        self.assertEqual(self.own_handled.rating, 5)

    def test_cannot_rate_or_reopen_someone_elses_report(self):
        self.foreign.write({"state": "handled", "outcome": "resolved", "answer": "已处理"})
        token = self._token("/my/events/new")
        for action, data in (("rate", {"rating": "1"}), ("reopen", {"reason": "捣乱"})):
            resp = self.url_open(
                f"/my/events/{self.foreign.id}/{action}",
                data=dict(data, csrf_token=token),
                allow_redirects=False,
            )
            self.assertIn(resp.status_code, (302, 303))
        self.assertEqual(self.foreign.state, "handled")
        self.assertEqual(self.foreign.reopen_count, 0)

    def test_tour_resident_reports_an_event(self):
        self.start_tour("/my/events", "community_event_portal_tour", login="resident")
        event = self.env["community.event"].search([("title", "=", "楼下路灯不亮")])
        self.assertEqual(event.reporter_id, self.resident.partner_id)
        self.assertEqual(event.state, "new")


@tagged("post_install", "-at_install")
class TestLeagueExport(HttpCase):
    def test_staff_download_their_league_table(self):
        from openpyxl import load_workbook

        self.authenticate("staff", "staff-demo")
        resp = self.url_open("/community_grid/league.xlsx")
        self.assertEqual(resp.status_code, 200)
        self.assertTrue(resp.content.startswith(b"PK"), "an xlsx (zip) file")
        sheet = load_workbook(io.BytesIO(resp.content)).worksheets[0]
        # street, rank within the street, community (its own name: the street
        # has its column)
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        communities = {row[2] for row in rows}
        self.assertIn("平东社区", communities)
        self.assertNotIn("夏东社区", communities)
        self.assertTrue(all(isinstance(row[1], int) and row[1] >= 1 for row in rows))

    def test_portal_user_gets_nothing(self):
        self.authenticate("resident", "resident-demo")
        resp = self.url_open("/community_grid/league.xlsx")
        self.assertEqual(resp.status_code, 404)
