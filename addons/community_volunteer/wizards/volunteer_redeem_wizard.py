from odoo import api, fields, models


class VolunteerRedeemWizard(models.TransientModel):
    """Redeem a reward at the desk or as a proxy for a volunteer."""

    _name = "volunteer.redeem.wizard"
    _description = "Redeem a Reward for a Volunteer"

    profile_id = fields.Many2one("volunteer.profile", string="Volunteer", required=True)
    community_id = fields.Many2one(related="profile_id.community_id")
    points_balance = fields.Integer(related="profile_id.points_balance")
    proxy_consent = fields.Boolean(related="profile_id.proxy_consent")
    reward_id = fields.Many2one(
        "volunteer.reward",
        required=True,
        domain="[('community_id', '=', community_id), ('is_published', '=', True)]",
    )
    quantity = fields.Integer(default=1, required=True)
    points_price = fields.Integer(compute="_compute_points_price")

    @api.depends("reward_id", "quantity")
    def _compute_points_price(self):
        for wizard in self:
            wizard.points_price = wizard.reward_id.points_price * wizard.quantity

    def action_redeem(self):
        self.ensure_one()
        redemption = self.env["volunteer.redemption"]._redeem(
            self.profile_id, self.reward_id, self.quantity
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "volunteer.redemption",
            "res_id": redemption.id,
            "view_mode": "form",
        }
