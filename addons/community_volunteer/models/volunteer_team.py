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
    points_per_hour = fields.Float(
        default=1.0,
        tracking=True,
        help="Default points earned per confirmed service hour in the team's activities "
        "(time banks count one point per hour).",
    )
    points_cap = fields.Integer(
        string="Points Cap per Activity",
        tracking=True,
        help="Default maximum points one volunteer earns in one activity (0: no cap).",
    )
    referral_bonus = fields.Integer(
        default=5,
        tracking=True,
        help="Points for the volunteer who brought a newcomer, once the newcomer's hours "
        "are confirmed.",
    )
    points_expiry_months = fields.Integer(
        string="Points Expire After (months)",
        default=24,
        tracking=True,
        help="Points earned in the team's activities expire after this many months (0: never).",
    )
    activity_ids = fields.One2many("volunteer.activity", "team_id", string="Activities")
    activity_count = fields.Integer(compute="_compute_activity_count")

    @api.depends("member_ids")
    def _compute_member_count(self):
        for team in self:
            team.member_count = len(team.member_ids)

    def _compute_activity_count(self):
        counts = dict(
            self.env["volunteer.activity"]._read_group(
                [("team_id", "in", self.ids)], ["team_id"], ["__count"]
            )
        )
        for team in self:
            team.activity_count = counts.get(team, 0)

    @api.constrains("points_per_hour", "points_cap", "referral_bonus", "points_expiry_months")
    def _check_points_rule(self):
        for team in self:
            if (
                min(
                    team.points_per_hour,
                    team.points_cap,
                    team.referral_bonus,
                    team.points_expiry_months,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The points rule of %(team)s cannot hold negative numbers.",
                        team=team.name,
                    )
                )

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
