from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_grid.models.community_guard import in_trusted_block, trusted

LINE_KINDS = [
    ("earn", "Earned"),
    ("bonus", "Bonus"),
    ("spend", "Redeemed"),
    ("expire", "Expired"),
    ("reversal", "Reversal"),
]


class VolunteerPointLine(models.Model):
    """One line of the append-only points ledger (善行银行).

    Lines are only created by the business methods (hours confirmed, bonus,
    redemption, expiry, reversal); nobody edits or deletes them: a correction
    is a reversal line that cancels an earlier line.
    """

    _name = "volunteer.point.line"
    _description = "Volunteer Points Ledger Line"
    _order = "date desc, id desc"

    name = fields.Char(string="Description", required=True, readonly=True)
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
    community_id = fields.Many2one(related="profile_id.community_id", store=True, index=True)
    street_id = fields.Many2one(related="profile_id.street_id", store=True, index=True)
    grid_id = fields.Many2one(related="profile_id.grid_id", store=True, index=True)
    kind = fields.Selection(LINE_KINDS, required=True, index=True, readonly=True)
    points = fields.Integer(required=True, readonly=True, aggregator="sum")
    points_issued = fields.Integer(
        compute="_compute_points_split", store=True, aggregator="sum", string="Issued"
    )
    points_used = fields.Integer(
        compute="_compute_points_split", store=True, aggregator="sum", string="Used"
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True, index=True, readonly=True)
    expiry_date = fields.Date(index=True, readonly=True)
    team_id = fields.Many2one("volunteer.team", index=True, readonly=True, ondelete="restrict")
    registration_id = fields.Many2one(
        "volunteer.registration", index=True, readonly=True, ondelete="restrict"
    )
    leader_id = fields.Many2one(
        "res.users", related="registration_id.leader_id", store=True, index=True
    )
    redemption_id = fields.Many2one(
        "volunteer.redemption", index=True, readonly=True, ondelete="restrict"
    )
    reversed_line_id = fields.Many2one(
        "volunteer.point.line",
        string="Reverses",
        index=True,
        readonly=True,
        ondelete="restrict",
    )
    reversed_kind = fields.Selection(LINE_KINDS, readonly=True, index=True)
    is_reversed = fields.Boolean(compute="_compute_is_reversed")
    acting_user_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
    )
    on_behalf = fields.Boolean(
        readonly=True, help="Recorded by someone acting for the volunteer (proxy or desk)."
    )

    _sql_constraints = [
        ("points_not_zero", "CHECK(points != 0)", "A ledger line moves at least one point."),
        (
            "reversed_line_uniq",
            "unique(reversed_line_id)",
            "A ledger line can be reversed only once.",
        ),
    ]

    @api.depends("points", "kind")
    def _compute_points_split(self):
        for line in self:
            line.points_issued = line.points if line.kind in ("earn", "bonus") else 0
            line.points_used = -line.points if line.kind == "spend" else 0

    def _compute_is_reversed(self):
        reversed_ids = set(
            self.sudo()
            .search([("reversed_line_id", "in", self.ids)])
            .mapped("reversed_line_id")
            .ids
        )
        for line in self:
            line.is_reversed = line.id in reversed_ids

    @api.constrains("kind", "points", "reversed_line_id")
    def _check_sign(self):
        for line in self:
            if line.kind in ("earn", "bonus") and line.points < 0:
                raise ValidationError(self.env._("Earned and bonus points are positive."))
            if line.kind in ("spend", "expire") and line.points > 0:
                raise ValidationError(self.env._("Redeemed and expired points are negative."))
            if line.kind == "reversal" and (
                not line.reversed_line_id or line.points != -line.reversed_line_id.points
            ):
                raise ValidationError(
                    self.env._("A reversal cancels exactly one earlier line, point for point.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_trusted_block():
            raise UserError(
                self.env._(
                    "Points ledger lines are only written by confirming hours, granting a "
                    "bonus, redeeming a reward, expiry or a reversal."
                )
            )
        profiles = self.env["volunteer.profile"].browse({vals["profile_id"] for vals in vals_list})
        profiles._lock_for_update()
        lines = super().create(vals_list)
        profiles._refresh_balance()
        return lines

    def write(self, vals):
        if vals:
            raise UserError(
                self.env._("Points ledger lines are never changed: correct a line by reversing it.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("Points ledger lines are never deleted: correct a line by reversing it.")
        )

    @api.model
    def _expiry_date_for(self, months):
        try:
            months = int(months or 0)
        except ValueError:
            months = 0
        if months <= 0:
            return False
        return fields.Date.context_today(self) + relativedelta(months=months)

    @api.model
    def _post(self, vals_list):
        """The only way into the ledger: the business methods call it."""
        for vals in vals_list:
            vals.setdefault("acting_user_id", self.env.user.id)
        with trusted():
            lines = self.sudo().create(vals_list)
        return lines.with_env(self.env)

    def _reverse(self, reason=None):
        """Cancel these lines with reversal lines (the originals stay as they are)."""
        if not self:
            return self
        already = self.filtered("is_reversed") | self.filtered(lambda line: line.kind == "reversal")
        if already:
            raise UserError(
                self.env._(
                    "%(line)s is already a reversal or has been reversed.",
                    line=already[0].name,
                )
            )
        reversals = self._post(
            [
                {
                    "profile_id": line.profile_id.id,
                    "kind": "reversal",
                    "points": -line.points,
                    "name": self.env._(
                        "Reversal of: %(line)s%(reason)s",
                        line=line.name,
                        reason=f" ({reason})" if reason else "",
                    ),
                    "reversed_line_id": line.id,
                    "reversed_kind": line.kind,
                    "expiry_date": line.expiry_date,
                    "team_id": line.team_id.id,
                    "registration_id": line.registration_id.id,
                    "redemption_id": line.redemption_id.id,
                    "on_behalf": line.on_behalf,
                }
                for line in self.sudo()
            ]
        )
        self.invalidate_recordset(["is_reversed"])
        return reversals

    def action_reverse(self):
        """Staff correct a bonus line; hours and redemptions are reversed from their documents."""
        self.env["volunteer.profile"]._check_staff()
        self.check_access("read")
        if self.filtered(lambda line: line.kind != "bonus"):
            raise UserError(
                self.env._(
                    "Only bonus lines are reversed here: reset the hours of a registration "
                    "or cancel a redemption to reverse their points."
                )
            )
        self._reverse()
        return True
