import base64
import os
import time

from odoo import http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.auth_totp.models.totp import TIMESTEP, hotp

from .common import CommunityCase, new_test_user


@tagged("post_install", "-at_install")
class TestAccounts(CommunityCase):
    def test_password_shorter_than_ten_characters_refused(self):
        with self.assertRaisesRegex(UserError, "10"):
            new_test_user(self.env, login="t_short", password="123456789")
        with self.assertRaisesRegex(UserError, "10"):
            self.plain_user.password = "abcdefghi"
        self.plain_user.password = "abcdefghij"  # 10 characters: accepted

    def test_account_settings_are_set_by_data(self):
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("auth_password_policy.minlength"), "10")
        self.assertEqual(params.get_param("base.login_cooldown_after"), "5")
        self.assertEqual(params.get_param("base.login_cooldown_duration"), "600")
        self.assertEqual(params.get_param("inactive_session_time_out_delay"), "1800")

    def test_baseline_raises_weaker_settings_and_keeps_stricter_ones(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("auth_password_policy.minlength", "6")
        params.set_param("base.login_cooldown_after", "0")  # 0 turns the lock-out off
        params.set_param("base.login_cooldown_duration", "900")  # stricter: kept
        params.set_param("inactive_session_time_out_delay", "600")  # stricter: kept
        params._community_apply_security_baseline()
        self.assertEqual(params.get_param("auth_password_policy.minlength"), "10")
        self.assertEqual(params.get_param("base.login_cooldown_after"), "5")
        self.assertEqual(params.get_param("base.login_cooldown_duration"), "900")
        self.assertEqual(params.get_param("inactive_session_time_out_delay"), "600")

    def test_every_internal_user_can_turn_on_two_factor_login(self):
        user = self.plain_user
        self.assertFalse(user.totp_enabled)
        secret = base64.b32encode(os.urandom(20)).decode()
        code = hotp(base64.b32decode(secret), int(time.time() / TIMESTEP))
        self.assertTrue(user.with_user(user)._totp_try_setting(secret, code))
        self.assertTrue(user.totp_enabled)
        self.assertEqual(user._mfa_type(), "totp")


@tagged("post_install", "-at_install")
class TestAccountsOverHttp(HttpCase):
    def test_inactive_session_is_logged_out(self):
        user = new_test_user(self.env, login="t_idle_user", groups="base.group_user")
        session = self.authenticate("t_idle_user", "t_idle_user")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(info["uid"], user.id)
        path = http.root.session_store.get_session_filename(session.sid)
        idle = time.time() - 1801
        os.utime(path, (idle, idle))
        with self.assertRaises(JsonRpcException, msg="no RPC served once idle"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": "res.partner", "method": "search", "args": [[]], "kwargs": {}},
            )
        with self.assertRaises(JsonRpcException, msg="the session is logged out"):
            self.make_jsonrpc_request("/web/session/get_session_info")

    @mute_logger("odoo.addons.base.models.res_users")
    def test_repeated_login_failures_lock_logins_out(self):
        new_test_user(self.env, login="t_lockout", password="right-password")
        registry = self.env.registry
        vars(registry).pop("_login_failures", None)  # Odoo's failures per address
        self.addCleanup(vars(registry).pop, "_login_failures", None)
        for _attempt in range(5):
            response = self._login("t_lockout", "wrong-password")
            self.assertEqual(response.status_code, 200, "the login form again")
        # the right password is refused too while the address cools down
        self.assertEqual(self._login("t_lockout", "right-password").status_code, 200)
        self.assertEqual(registry._login_failures["127.0.0.1"][0], 5)
        registry._login_failures.clear()
        response = self._login("t_lockout", "right-password")
        self.assertIn(response.status_code, (302, 303), "logged in once the cool-down is over")

    def _login(self, login, password):
        self.authenticate(None, None)
        form = self.url_open("/web/login")
        token = form.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        return self.url_open(
            "/web/login",
            data={"login": login, "password": password, "csrf_token": token},
            allow_redirects=False,
        )
