from odoo import models

from ..tools import PLATFORM_MODULES, community_lang


class IrCron(models.Model):
    _inherit = "ir.cron"

    def _callback(self, cron_name, server_action_id):
        """The platform's scheduled jobs post reminders and supervision notes
        that staff and residents read: in the communities' language, not in
        the English of a job's empty context (Odoo runs jobs without a lang)."""
        cron = self
        if not self.env.lang:
            module = self.sudo().get_external_id().get(self.id, "").split(".")[0]
            if module in PLATFORM_MODULES:
                cron = self.with_context(lang=community_lang(self.env))
        return super(IrCron, cron)._callback(cron_name, server_action_id)
