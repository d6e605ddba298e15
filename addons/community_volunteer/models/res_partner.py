from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    volunteer_team_ids = fields.Many2many(
        "volunteer.team",
        "volunteer_team_member_rel",
        "partner_id",
        "team_id",
        string="Volunteer Teams",
    )
    volunteer_profile_ids = fields.One2many(
        "volunteer.profile", "partner_id", string="Volunteer Profiles"
    )
