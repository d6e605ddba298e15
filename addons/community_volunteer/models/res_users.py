from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _community_contact_groups(self):
        return [*super()._community_contact_groups(), "community_volunteer.group_team_leader"]
