import base64

from odoo.tests import HttpCase, tagged

from .common import CommunityCase, MalformedParamsMixin, ParallelCase

# A 1×1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class GridPortalCase(HttpCase, CommunityCase):
    """The resident of CommunityCase with an event to follow in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["community.event.category"].create(
            {"name": "测试类别", "sla_amount": 2, "sla_unit": "days"}
        )
        cls.event = cls._event()
        cls.event.action_accept()
        cls.event.write({"outcome": "resolved", "answer": "已修复"})
        cls.event.action_handle()

    @classmethod
    def _event(cls, **vals):
        return cls.env["community.event"].create(
            {
                "title": "楼道灯损坏",
                "description": "三楼至六楼楼道灯不亮",
                "category_id": cls.category.id,
                "grid_id": cls.grid.id,
                "reporter_type": "resident",
                "reporter_id": cls.resident.id,
                **vals,
            }
        )

    def _csrf_post(self, url, data, files=None):
        token = self._token("/my/events/new")
        return self.url_open(url, data={**data, "csrf_token": token}, files=files)

    def _token(self, url):
        page = self.url_open(url)
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]


@tagged("post_install", "-at_install")
class TestGridMalformedParams(MalformedParamsMixin, GridPortalCase):
    def test_every_route_survives_junk(self):
        sent = self.assert_routes_survive_junk(
            "community_grid",
            [self.portal_user.login, self.staff.login],
            path_ids={"event_id": self.event.id},
        )
        self.assertGreater(sent, 100)

    def test_non_numeric_category_is_a_message(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self._csrf_post(
            "/my/events/new",
            {"title": "路灯不亮", "description": "3栋门口", "category_id": "abc"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("请选择问题类别", response.text)
        self.assertFalse(self.env["community.event"].search([("title", "=", "路灯不亮")]))

    def test_url_cannot_put_an_error_on_the_page(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open(f"/my/events/{self.event.id}?error=请拨打12345678领取补贴")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("领取补贴", response.text)


@tagged("post_install", "-at_install")
class TestEventUploads(GridPortalCase):
    def _report(self, name, data, content_type):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        return self._csrf_post(
            "/my/events/new",
            {
                "title": "垃圾桶满溢",
                "description": "3栋旁垃圾桶两天未清运",
                "category_id": self.category.id,
                "where": "grid",
            },
            files=[("photos", (name, data, content_type))],
        )

    def _reports(self):
        return self.env["community.event"].search(
            [("title", "=", "垃圾桶满溢"), ("reporter_id", "=", self.resident.id)]
        )

    def test_executable_named_jpg_is_refused(self):
        exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
        attachments_before = self.env["ir.attachment"].search_count([])
        response = self._report("a.jpg", exe, "image/jpeg")
        self.assertEqual(response.status_code, 200)
        self.assertIn("a.jpg 不是图片", response.text)
        self.assertFalse(self._reports())
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments_before)

    def test_real_png_is_stored_as_png(self):
        response = self._report("photo.jpg", PNG, "application/octet-stream")
        self.assertEqual(response.status_code, 200)
        event = self._reports()
        self.assertEqual(len(event), 1)
        photo = self.env["ir.attachment"].search(
            [("res_model", "=", "community.event"), ("res_id", "=", event.id)]
        )
        self.assertEqual(photo.mimetype, "image/png")
        self.assertEqual(photo.raw, PNG)
        self.assertEqual(photo.create_uid, self.portal_user)
        page = self.url_open(f"/my/events/{event.id}")
        self.assertIn(f"/web/image/{photo.id}?access_token=", page.text)


@tagged("post_install", "-at_install")
class TestEventAttachmentsFollowTheRecord(GridPortalCase):
    def test_internal_note_attachment_stays_inside(self):
        Attachment = self.env["ir.attachment"]
        own = (
            Attachment.with_user(self.portal_user)
            .sudo()
            .create(
                {
                    "name": "own.png",
                    "raw": PNG,
                    "res_model": "community.event",
                    "res_id": self.event.id,
                }
            )
        )
        secret = Attachment.with_user(self.staff).create(
            {
                "name": "secret-note.png",
                "raw": PNG,
                "res_model": "mail.compose.message",
                "res_id": 0,
            }
        )
        self.event.with_user(self.staff).message_post(
            body="内部核查记录", subtype_xmlid="mail.mt_note", attachment_ids=secret.ids
        )
        shared = Attachment.with_user(self.staff).create(
            {
                "name": "shared-reply.png",
                "raw": PNG,
                "res_model": "mail.compose.message",
                "res_id": 0,
            }
        )
        self.event.with_user(self.staff).message_post(
            body="维修后照片",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=shared.ids,
        )
        staff_upload = Attachment.with_user(self.staff).create(
            {
                "name": "staff-file.png",
                "raw": PNG,
                "res_model": "community.event",
                "res_id": self.event.id,
            }
        )
        self.assertEqual((secret.res_model, secret.res_id), ("community.event", self.event.id))
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open(f"/my/events/{self.event.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/web/image/{own.id}?", page.text)
        self.assertIn(f"/web/image/{shared.id}?", page.text)
        self.assertNotIn("secret-note", page.text)
        self.assertNotIn(f"/web/image/{secret.id}?", page.text)
        self.assertNotIn(f"/web/image/{staff_upload.id}?", page.text)
        for attachment in (secret, staff_upload):
            response = self.url_open(f"/web/content/{attachment.id}", allow_redirects=False)
            self.assertIn(response.status_code, (403, 404))
            self.assertNotEqual(response.content, PNG)
            # /web/image answers a placeholder instead of the picture
            response = self.url_open(f"/web/image/{attachment.id}", allow_redirects=False)
            self.assertNotEqual(response.content, PNG)


@tagged("post_install", "-at_install")
class TestParallelRating(ParallelCase):
    """The reporter rates the answer twice at the same instant (two tabs, a
    double tap): one verdict is kept, the other refused."""

    def test_one_rating_per_answer(self):
        def build(env):
            community = env["community.area"].create(
                {"name": "并发测试社区", "area_type": "community"}
            )
            category = env["community.event.category"].create(
                {"name": "并发测试类别", "sla_amount": 2, "sla_unit": "days"}
            )
            reporter = env["res.partner"].create({"name": "并发测试居民"})
            event = env["community.event"].create(
                {
                    "title": "并发评价",
                    "description": "两次同时评价",
                    "category_id": category.id,
                    "community_id": community.id,
                    "address": "测试路1号",
                    "reporter_type": "resident",
                    "reporter_id": reporter.id,
                }
            )
            event.action_accept()
            event.write({"outcome": "resolved", "answer": "已处理"})
            event.action_handle()
            return {
                "community": community,
                "category": category,
                "reporter": reporter,
                "event": event,
            }

        event_id = self.committed(build)["event"][1]
        results = self.race(
            lambda env, i: env["community.event"].browse(event_id).action_rate(5 - i, f"第{i}次")
        )
        self.assertEqual(results.count("ok"), 1, results)
        self.assertIn("Only a handled event can be rated.", results)
        winner = results.index("ok")
        rating, comment, state = self._verdict(event_id)
        self.assertEqual((rating, comment, state), (5 - winner, f"第{winner}次", "closed"))

    def _verdict(self, event_id):
        def read(env):
            event = env["community.event"].browse(event_id)
            return event.rating, event.rating_comment, event.state

        return self.read_committed(read)
