from odoo import api, fields, models
from odoo.exceptions import ValidationError


class VolunteerTeam(models.Model):
    """A volunteer team (志愿服务队) or neighbourhood mutual-aid association."""

    _name = "volunteer.team"
    _description = "Volunteer Team"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("party_member", "Party Member Volunteer Team"),
            ("neighbourhood", "Neighbourhood Mutual-aid Association"),
            ("youth", "Youth Volunteer Team"),
            ("other", "Other"),
        ],
        required=True,
        default="neighbourhood",
        index=True,
        tracking=True,
    )
    area_id = fields.Many2one(
        "community.area",
        string="Community",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The community (or one of its estates) the team serves.",
    )
    street_id = fields.Many2one(related="area_id.street_id", store=True, index=True)
    community_id = fields.Many2one(related="area_id.community_id", store=True, index=True)
    leader_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    member_ids = fields.Many2many(
        "res.partner",
        "volunteer_team_member_rel",
        "team_id",
        "partner_id",
        string="Members",
    )
    member_count = fields.Integer(compute="_compute_member_count", store=True)
    description = fields.Text()
    active = fields.Boolean(default=True)

    @api.depends("member_ids")
    def _compute_member_count(self):
        for team in self:
            team.member_count = len(team.member_ids)

    @api.constrains("area_id")
    def _check_area(self):
        for team in self:
            if not team.area_id.community_id:
                raise ValidationError(
                    self.env._(
                        "A volunteer team serves one community: choose a community, "
                        "village or estate instead of %(area)s.",
                        area=team.area_id.complete_name,
                    )
                )
