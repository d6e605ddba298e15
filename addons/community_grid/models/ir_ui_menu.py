from odoo import models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        """The app store (Apps) is for the system administrator: Odoo's
        base_install_request opens it to every internal user, and a grid
        worker or a mediator has nothing to install."""
        res = super()._load_menus_blacklist()
        if not self.env.user.has_group("base.group_system"):
            apps = self.env.ref("base.menu_management", raise_if_not_found=False)
            if apps:
                res.append(apps.id)
        return res
