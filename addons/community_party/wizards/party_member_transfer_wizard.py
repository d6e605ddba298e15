from odoo import fields, models
from odoo.exceptions import UserError


class PartyMemberTransferWizard(models.TransientModel):
    _name = "party.member.transfer.wizard"
    _description = "Transfer a Party Member"

    member_id = fields.Many2one("party.member", required=True, ondelete="cascade")
    from_organization_id = fields.Many2one(related="member_id.organization_id", string="From")
    organization_id = fields.Many2one("party.organization", string="To", required=True)
    note = fields.Char(string="Reason")

    def action_transfer(self):
        self.ensure_one()
        if self.organization_id == self.member_id.organization_id:
            raise UserError(
                self.env._(
                    "%(name)s already belongs to %(org)s: choose another organisation.",
                    name=self.member_id.partner_id.name,
                    org=self.organization_id.complete_name,
                )
            )
        self.member_id.with_context(transfer_note=self.note).organization_id = self.organization_id
        return {"type": "ir.actions.act_window_close"}
