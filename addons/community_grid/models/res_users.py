from odoo import api, fields, models
from odoo.tools import frozendict

from ..tools import community_tz


class ResUsers(models.Model):
    _inherit = "res.users"

    community_area_ids = fields.Many2many(
        "community.area",
        "community_area_res_users_rel",
        "user_id",
        "area_id",
        string="Work Areas",
        help="The territory this user works in: a grid worker's or staff member's "
        "community, a manager's street. Record rules show them what lies below.",
    )

    def _community_contact_groups(self):
        """The groups whose work is to call residents: they read residents'
        contact data in full. Each addon adds its own role."""
        return ["community_grid.group_grid_worker"]

    def _sees_resident_contacts(self):
        self.ensure_one()
        return any(self.has_group(group) for group in self._community_contact_groups())

    @api.model_create_multi
    def create(self, vals_list):
        """Every user the platform creates (backend users, the portal access
        wizard, self-registration, demo users) lives in the communities'
        timezone unless one is given: a resident's activity at 09:00 is at
        09:00 on their screen."""
        tz = community_tz(self.env)
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        )
        partner_tz = {partner.id: partner.tz for partner in partners.sudo()}
        for vals in vals_list:
            if not vals.get("tz") and not partner_tz.get(vals.get("partner_id")):
                vals["tz"] = tz
        return super().create(vals_list)

    @api.model
    def context_get(self):
        """A user whose timezone is missing still reads times in the
        communities' timezone (portal pages, reports, mails), not in UTC."""
        context = super().context_get()
        if not context.get("tz"):
            context = frozendict(context, tz=community_tz(self.env))
        return context

    # A user's id_number is its partner's (_inherits): reading it through
    # res.users is logged on the partner as well.
    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if "id_number" in fnames and not self.env.su:
            read_ids = [values["id"] for values in result if values.get("id_number")]
            if read_ids:
                partners = self.browse(read_ids).sudo().partner_id.with_env(self.env)
                partners._audit_id_number_read()
        return result
