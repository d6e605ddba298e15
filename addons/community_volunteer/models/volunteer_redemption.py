from odoo import api, fields, models
from odoo.exceptions import UserError


class VolunteerRedemption(models.Model):
    """Points exchanged for a reward (积分兑换), from the portal or at the desk."""

    _name = "volunteer.redemption"
    _description = "Volunteer Points Redemption"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    profile_id = fields.Many2one(
        "volunteer.profile",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    partner_id = fields.Many2one(
        related="profile_id.partner_id", store=True, index=True, string="Contact"
    )
    grid_id = fields.Many2one(related="profile_id.grid_id", store=True, index=True)
    reward_id = fields.Many2one(
        "volunteer.reward", required=True, index=True, ondelete="restrict", readonly=True
    )
    community_id = fields.Many2one(related="reward_id.community_id", store=True, index=True)
    street_id = fields.Many2one(related="reward_id.street_id", store=True, index=True)
    quantity = fields.Integer(default=1, required=True, readonly=True)
    points = fields.Integer(readonly=True, aggregator="sum")
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True, index=True)
    state = fields.Selection(
        [("redeemed", "To Hand Out"), ("delivered", "Handed Out"), ("cancelled", "Cancelled")],
        string="Status",
        default="redeemed",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    delivered_date = fields.Datetime(readonly=True)
    acting_user_id = fields.Many2one(
        "res.users", string="Redeemed by", readonly=True, ondelete="restrict"
    )
    on_behalf = fields.Boolean(
        readonly=True, help="Redeemed by someone acting for the volunteer (proxy or desk)."
    )
    point_line_ids = fields.One2many("volunteer.point.line", "redemption_id")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("volunteer_redeem"):
            raise UserError(
                self.env._("Redeem a reward with the Redeem button: it checks points and stock.")
            )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("volunteer.redemption") or "/"
                )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_points(self):
        if self.sudo().point_line_ids:
            raise UserError(self.env._("A redemption is cancelled, never deleted."))

    @api.model
    def _redeem(self, profile, reward, quantity=1):
        """Check and debit the balance and the stock atomically.

        Rows are locked in a fixed order (reward, then volunteer profile), so two
        redemptions at the same instant wait for each other; the second one sees
        the first one's debit (or fails to serialise and is retried by the server).
        """
        if quantity < 1:
            raise UserError(self.env._("Redeem at least one item."))
        reward_sudo = reward.sudo()
        if not reward_sudo.active or not reward_sudo.is_published:
            raise UserError(self.env._("%(reward)s is no longer offered.", reward=reward_sudo.name))
        if profile.community_id != reward_sudo.community_id:
            raise UserError(
                self.env._(
                    "%(reward)s is offered to volunteers of %(community)s.",
                    reward=reward_sudo.name,
                    community=reward_sudo.community_id.name,
                )
            )
        on_behalf = profile.with_env(self.env)._check_acting_user()
        reward_sudo._lock_for_update()
        profile._lock_for_update()
        if reward_sudo.stock < quantity:
            raise UserError(self.env._("%(reward)s is out of stock.", reward=reward_sudo.name))
        price = reward_sudo.points_price * quantity
        balance = profile.sudo().points_balance
        if balance < price:
            raise UserError(
                self.env._(
                    "Your balance is too low: %(reward)s costs %(price)s points, "
                    "%(balance)s available.",
                    reward=reward_sudo.name,
                    price=price,
                    balance=balance,
                )
            )
        reward_sudo.stock -= quantity
        reward_sudo.flush_recordset(["stock"])
        redemption = (
            self.sudo()
            .with_context(volunteer_redeem=True)
            .create(
                {
                    "profile_id": profile.id,
                    "reward_id": reward_sudo.id,
                    "quantity": quantity,
                    "points": price,
                    "acting_user_id": self.env.user.id,
                    "on_behalf": on_behalf,
                }
            )
        )
        self.env["volunteer.point.line"]._post(
            [
                {
                    "profile_id": profile.id,
                    "kind": "spend",
                    "points": -price,
                    "name": self.env._(
                        "%(reference)s: %(reward)s × %(quantity)s",
                        reference=redemption.name,
                        reward=reward_sudo.name,
                        quantity=quantity,
                    ),
                    "redemption_id": redemption.id,
                    "on_behalf": on_behalf,
                }
            ]
        )
        return redemption.with_env(self.env)

    def action_deliver(self):
        if self.filtered(lambda r: r.state != "redeemed"):
            raise UserError(
                self.env._("Only redemptions waiting to be handed out can be handed out.")
            )
        self.write({"state": "delivered", "delivered_date": fields.Datetime.now()})
        return True

    def action_cancel(self):
        """Cancel: the points come back through a reversal line, the item back to stock."""
        if self.filtered(lambda r: r.state != "redeemed"):
            raise UserError(self.env._("Only redemptions not handed out yet can be cancelled."))
        for redemption in self.sudo():
            redemption.reward_id._lock_for_update()
            redemption.reward_id.stock += redemption.quantity
            redemption.point_line_ids.filtered(
                lambda line: line.kind == "spend" and not line.is_reversed
            )._reverse(reason=self.env._("redemption cancelled"))
        self.write({"state": "cancelled"})
        return True
