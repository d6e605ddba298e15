import logging

from odoo import api, models

_logger = logging.getLogger(__name__)

# The platform's account settings (docs/SECURITY.md, "Accounts"):
# key -> (baseline value, function telling whether a current value is weaker)
SECURITY_BASELINE = {
    # auth_password_policy: passwords of at least 10 characters
    "auth_password_policy.minlength": (10, lambda value: value < 10),
    # base: after 5 failed logins from one address, attempts are refused for
    # 10 minutes after each further failure
    "base.login_cooldown_after": (5, lambda value: value <= 0 or value > 5),
    "base.login_cooldown_duration": (600, lambda value: value < 600),
    # auth_session_timeout: a session unused for 30 minutes is logged out
    "inactive_session_time_out_delay": (1800, lambda value: value <= 0 or value > 1800),
}


class IrConfigParameter(models.Model):
    _inherit = "ir.config_parameter"

    @api.model
    def _community_apply_security_baseline(self):
        """Bring the account settings up to the platform's baseline where they
        are missing or weaker; keep the stricter values an operator chose.

        Called from data/security_baseline_data.xml on every install and
        upgrade of community_grid."""
        params = self.sudo()
        for key, (baseline, weaker) in SECURITY_BASELINE.items():
            current = params.get_param(key)
            try:
                value = int(current)
            except (TypeError, ValueError):
                value = None
            if value is None or weaker(value):
                params.set_param(key, str(baseline))
                _logger.info("security baseline: %s set to %s (was %r)", key, baseline, current)
