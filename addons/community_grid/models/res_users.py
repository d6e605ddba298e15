from odoo import fields, models


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
