from datetime import timedelta

from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestVolunteerPortal(VolunteerCase, HttpCase):
    """The resident's pages, in Chinese as residents use them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user.lang = "zh_CN"

    def _post(self, url, **data):
        return self.url_open(url, data={"csrf_token": Request.csrf_token(self), **data})

    def _registrations(self, profile=None):
        return self.env["volunteer.registration"].search(
            [("profile_id", "=", (profile or self.profile).id)]
        )

    def test_dashboard_shows_my_community_only(self):
        other = self._activity(
            self.now + timedelta(days=1), team=self.other_team, name="西社区读书会"
        )
        self._served(self.neighbour_profile, hours=3)
        self.authenticate("t_resident", "t_resident")
        response = self.url_open("/my/volunteer")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.activity.name, response.text)
        self.assertNotIn(other.name, response.text)
        self.assertIn("测试大米", response.text)
        self.assertIn("测***乙", response.text, "the leaderboard masks names")
        self.assertNotIn("测试居民乙", response.text)
        home = self.url_open("/my")
        self.assertIn("/my/volunteer", home.text)

    def test_sign_up_waiting_list_and_cancel(self):
        self.authenticate("t_resident", "t_resident")
        response = self._post(f"/my/volunteer/activity/{self.activity.id}/register")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_volunteer_flash_success", response.text)
        registration = self._registrations()
        self.assertEqual(registration.state, "registered")
        self.assertEqual(registration.acting_user_id, self.portal_user)
        # signing up twice is refused with a message, nothing more is written
        response = self._post(f"/my/volunteer/activity/{self.activity.id}/register")
        self.assertIn("测试居民甲 已报名 测试活动", response.text)
        self.assertEqual(len(self._registrations()), 1)
        # cancel from the detail page
        response = self._post(f"/my/volunteer/registration/{registration.id}/cancel")
        self.assertEqual(registration.state, "cancelled")

    def test_full_activity_goes_to_waiting_list(self):
        self.activity.capacity = 1
        self.activity._sign_up(self.neighbour_profile)
        self.authenticate("t_resident", "t_resident")
        response = self._post(f"/my/volunteer/activity/{self.activity.id}/register")
        self.assertIn("已满员:您已进入候补名单", response.text)
        self.assertEqual(self._registrations().state, "waiting")

    def test_closed_sign_up_is_refused_clearly(self):
        self.activity.registration_deadline = self.now - timedelta(minutes=5)
        self.authenticate("t_resident", "t_resident")
        response = self._post(f"/my/volunteer/activity/{self.activity.id}/register")
        self.assertIn("o_volunteer_flash_danger", response.text)
        self.assertIn("的报名已截止", response.text)
        self.assertFalse(self._registrations())

    @mute_logger("odoo.http")  # Odoo warns about the refused tokens
    def test_csrf_required(self):
        self._served(self.profile, hours=4)
        self.authenticate("t_resident", "t_resident")
        response = self.url_open(
            f"/my/volunteer/activity/{self.activity.id}/register", data={"referrer": "1"}
        )
        self.assertEqual(response.status_code, 400)
        response = self.url_open(
            f"/my/volunteer/reward/{self.reward.id}/redeem", data={"csrf_token": "forged"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.profile.points_balance, 40)
        self.assertFalse(self.activity.registration_ids)
        self.assertFalse(
            self.env["volunteer.redemption"]
            .search([])
            .filtered(lambda r: r.profile_id == self.profile)
        )

    def test_idor_other_residents_registration(self):
        theirs = self.activity._sign_up(self.neighbour_profile)
        self.authenticate("t_resident", "t_resident")
        response = self.url_open(f"/my/volunteer/registration/{theirs.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        response = self.url_open(f"/my/volunteer/registration/{theirs.id}")
        self.assertNotIn("测试居民乙", response.text)
        response = self._post(f"/my/volunteer/registration/{theirs.id}/cancel")
        self.assertEqual(theirs.state, "registered", "another resident's sign-up is untouched")
        # an activity or reward of another community is not reachable either
        other = self._activity(self.now + timedelta(days=1), team=self.other_team)
        self._post(f"/my/volunteer/activity/{other.id}/register")
        self.assertFalse(self._registrations())
        mine = self.activity._sign_up(self.profile)
        response = self.url_open(f"/my/volunteer/registration/{mine.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.activity.name, response.text)

    def test_qr_check_in_and_out(self):
        activity = self._activity(self.now - timedelta(minutes=20), hours=2, name="扫码服务")
        registration = self.env["volunteer.registration"].create(
            {"activity_id": activity.id, "profile_id": self.profile.id}
        )
        self.authenticate("t_resident", "t_resident")
        url = f"/my/volunteer/checkin/{activity.id}/{activity.checkin_token}"
        page = self.url_open(url)
        self.assertIn("o_volunteer_checkin", page.text)
        response = self._post(f"/my/volunteer/checkin/{activity.id}/wrong-token")
        self.assertFalse(registration.check_in)
        response = self.url_open(
            f"/my/volunteer/checkin/{activity.id}/wrong-token", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303, "a forged code shows nothing")
        self._post(url)
        self.assertEqual(registration.state, "attended")
        self.assertEqual(registration.checked_in_by, "qr")
        self._post(url)
        self.assertTrue(registration.check_out)
        self.assertEqual(registration.hours_state, "to_confirm")

    def test_redeem_from_portal(self):
        self._served(self.profile, hours=4)
        self.authenticate("t_resident", "t_resident")
        response = self._post(f"/my/volunteer/reward/{self.reward.id}/redeem")
        self.assertIn("o_volunteer_flash_success", response.text)
        self.assertEqual(self.profile.points_balance, 10)
        self.assertEqual(self.reward.stock, 4)
        response = self._post(f"/my/volunteer/reward/{self.reward.id}/redeem")
        self.assertIn("积分余额不足", response.text)
        self.assertEqual(self.profile.points_balance, 10)
        self.assertEqual(self.reward.stock, 4)
        self.assertIn("-30", response.text)
