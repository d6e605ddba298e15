from odoo import fields, models


class VolunteerBonusWizard(models.TransientModel):
    """Staff grant bonus points, e.g. for a good deed neighbours reported."""

    _name = "volunteer.bonus.wizard"
    _description = "Grant Bonus Points"

    profile_ids = fields.Many2many("volunteer.profile", string="Volunteers", required=True)
    points = fields.Integer(required=True, default=10)
    reason = fields.Char(required=True)

    def action_grant(self):
        self.ensure_one()
        self.profile_ids._award_bonus(self.points, self.reason)
        return {"type": "ir.actions.act_window_close"}
