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
