from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    mediation_party_ids = fields.One2many(
        "mediation.case.party", "partner_id", string="Mediation Cases as Party", readonly=True
    )
