from odoo.tests import tagged

from .common import CommunityCase, new_test_user


@tagged("post_install", "-at_install")
class TestCommunityTimezone(CommunityCase):
    """Every user the platform creates lives in the communities' timezone."""

    def test_new_users_get_the_community_timezone(self):
        backend = new_test_user(self.env, login="t_tz_backend", groups="base.group_user")
        self.assertEqual(backend.tz, "Asia/Shanghai")
        # the portal access wizard, as staff grant a resident access
        resident = self.env["res.partner"].create(
            {"name": "时区居民", "email": "tz.resident@example.com", "tz": False}
        )
        wizard = (
            self.env["portal.wizard"]
            .with_context(active_model="res.partner", active_ids=resident.ids)
            .create({})
        )
        wizard.user_ids.action_grant_access()
        self.assertEqual(resident.user_ids.tz, "Asia/Shanghai")
        # self-registration (auth_signup's entry point, when installed, ends here)
        signed_up = self.env["res.users"]._create_user_from_template(
            {"login": "tz.signup@example.com", "name": "自助注册居民", "partner_id": False}
        )
        self.assertEqual(signed_up.tz, "Asia/Shanghai")
        # a given timezone is kept, and the default is a setting
        kept = new_test_user(self.env, login="t_tz_kept", tz="Asia/Urumqi")
        self.assertEqual(kept.tz, "Asia/Urumqi")
        self.env["ir.config_parameter"].sudo().set_param(
            "community_grid.default_tz", "Asia/Hong_Kong"
        )
        other = new_test_user(self.env, login="t_tz_other")
        self.assertEqual(other.tz, "Asia/Hong_Kong")

    def test_user_without_timezone_reads_community_time(self):
        self.portal_user.tz = False
        context = self.env["res.users"].with_user(self.portal_user).context_get()
        self.assertEqual(context["tz"], "Asia/Shanghai")
