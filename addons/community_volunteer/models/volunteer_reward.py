from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class VolunteerReward(models.Model):
    """A reward of the catalogue: goods or a service, with a points price and stock."""

    _name = "volunteer.reward"
    _description = "Volunteer Reward"
    _inherit = ["mail.thread"]
    _order = "sequence, points_price, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("goods", "Goods"), ("service", "Service")], required=True, default="goods"
    )
    description = fields.Text(translate=True)
    provider_id = fields.Many2one(
        "res.partner",
        string="Partner Merchant",
        index=True,
        help="The merchant who provides the reward; empty when the community provides it.",
    )
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', 'in', ('community', 'village'))]",
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    points_price = fields.Integer(string="Points", required=True, tracking=True)
    stock = fields.Integer(tracking=True)
    is_published = fields.Boolean(string="Published", default=True, index=True)
    active = fields.Boolean(default=True)
    redemption_ids = fields.One2many("volunteer.redemption", "reward_id")
    redeemed_count = fields.Integer(compute="_compute_redeemed_count")

    _sql_constraints = [
        ("stock_positive", "CHECK(stock >= 0)", "The stock of a reward cannot be negative."),
        ("price_positive", "CHECK(points_price > 0)", "A reward costs at least one point."),
    ]

    def _compute_redeemed_count(self):
        counts = dict(
            self.env["volunteer.redemption"]
            .sudo()
            ._read_group(
                [("reward_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["reward_id"],
                ["quantity:sum"],
            )
        )
        for reward in self:
            reward.redeemed_count = counts.get(reward, 0)

    @api.constrains("community_id")
    def _check_community(self):
        for reward in self:
            if reward.community_id.area_type not in ("community", "village"):
                raise ValidationError(
                    self.env._(
                        "A reward is offered in a community or village, not in %(area)s.",
                        area=reward.community_id.complete_name,
                    )
                )

    def _lock_for_update(self):
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM volunteer_reward WHERE id IN %s ORDER BY id FOR UPDATE",
                    tuple(sorted(self.ids)),
                ),
                log_exceptions=False,  # a serialisation failure is retried, not a bug
            )
            self.invalidate_recordset(["stock"])
