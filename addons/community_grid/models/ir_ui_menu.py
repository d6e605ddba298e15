from odoo import api, models, tools


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    @tools.ormcache("frozenset(self.env.user.groups_id.ids)", "debug")
    def _visible_menu_ids(self, debug=False):
        """The app store (Apps) is for the system administrator: Odoo's
        base_install_request opens it to every internal user, and a grid
        worker or a mediator has nothing to install."""
        visible = super()._visible_menu_ids(debug)
        if not self.env.user.has_group("base.group_system"):
            apps = self.env.ref("base.menu_management", raise_if_not_found=False)
            if apps and apps.id in visible:
                visible = visible - {apps.id}
        return visible
