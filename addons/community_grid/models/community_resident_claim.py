from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .res_partner import mask_id_number


class CommunityResidentClaim(models.Model):
    """A resident who signed up alone asks to be linked to their household.

    Until staff confirm the match (ID number and address), the portal user
    sees nothing of any household."""

    _name = "community.resident.claim"
    _description = "Household Link Request"
    _inherit = ["mail.thread"]
    _order = "state, create_date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Applicant", required=True, index=True, ondelete="cascade"
    )
    id_number = fields.Char(
        string="ID Number", required=True, groups="community_grid.group_community_staff"
    )
    id_number_masked = fields.Char(
        string="ID Number (masked)", compute="_compute_masked", compute_sudo=True
    )
    address = fields.Char(required=True, help="The address the applicant gave.")
    matched_partner_id = fields.Many2one(
        "res.partner",
        string="Register Entry",
        readonly=True,
        help="The resident of the register with the same ID number, if any.",
    )
    household_id = fields.Many2one(
        "community.household",
        index=True,
        tracking=True,
        help="The household to link the applicant to: found from the register entry, "
        "or chosen by staff.",
    )
    community_id = fields.Many2one(
        "community.area",
        index=True,
        required=True,
        domain="[('area_type', 'in', ('community', 'village'))]",
    )
    state = fields.Selection(
        [("pending", "To Check"), ("confirmed", "Confirmed"), ("rejected", "Rejected")],
        string="Status",
        default="pending",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    reject_reason = fields.Char()

    @api.depends("id_number")
    def _compute_masked(self):
        for claim in self:
            claim.id_number_masked = mask_id_number(claim.id_number)

    @api.model_create_multi
    def create(self, vals_list):
        claims = super().create(vals_list)
        for claim in claims.sudo():
            match = (
                self.env["res.partner"]
                .sudo()
                .search(
                    [("id_number", "=", claim.id_number), ("id", "!=", claim.partner_id.id)],
                    limit=1,
                )
            )
            if match:
                claim.write({"matched_partner_id": match.id, "household_id": match.household_id.id})
        return claims

    def action_confirm(self):
        for claim in self:
            if claim.state != "pending":
                raise UserError(self.env._("Only a request to check can be confirmed."))
            if not claim.household_id:
                raise UserError(
                    self.env._(
                        "No resident of the register has this ID number: choose the household "
                        "of %(name)s after checking the address, then confirm.",
                        name=claim.partner_id.name,
                    )
                )
            if claim.household_id.community_id != claim.community_id:
                raise ValidationError(
                    self.env._("The household is not in the community the applicant chose.")
                )
            applicant = claim.partner_id.sudo()
            register = claim.matched_partner_id.sudo()
            values = {
                "is_resident": True,
                "household_id": claim.household_id.id,
                "household_relation": register.household_relation or "other",
            }
            if register:
                # the applicant's account takes over the register entry
                values["resident_tag_ids"] = [fields.Command.set(register.resident_tag_ids.ids)]
                register.write({"id_number": False, "household_id": False, "active": False})
            values["id_number"] = claim.sudo().id_number
            applicant.write(values)
            claim.state = "confirmed"
            claim.message_post(
                body=self.env._("Linked to %(household)s.", household=claim.household_id.name)
            )

    def action_reject(self):
        for claim in self:
            if not claim.reject_reason:
                raise UserError(
                    self.env._("Write why the request is rejected; the applicant reads it.")
                )
        self.write({"state": "rejected"})
