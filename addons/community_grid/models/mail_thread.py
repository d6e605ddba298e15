from odoo import models

from ..tools import PLATFORM_MODULES, community_lang


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """ "住户 已创建", not "Household 创建": a record of the platform made
        without a language (data loading, scheduled jobs) is announced in the
        communities' language, model name included."""
        if not self.env.lang and self._original_module in PLATFORM_MODULES:
            return super(
                MailThread, self.with_context(lang=community_lang(self.env))
            )._creation_message()
        return super()._creation_message()
