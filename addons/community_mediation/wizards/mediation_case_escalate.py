from odoo import fields, models


class MediationCaseEscalate(models.TransientModel):
    _name = "mediation.case.escalate"
    _description = "Escalate a Mediation Case"

    case_id = fields.Many2one("mediation.case", required=True, ondelete="cascade")
    level = fields.Selection(related="case_id.level", string="Current Level")
    reason = fields.Text(required=True, help="Why the case cannot be settled at this level.")

    def action_escalate(self):
        self.ensure_one()
        self.case_id._escalate(self.reason)
        return {"type": "ir.actions.act_window_close"}
