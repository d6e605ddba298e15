from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    party_member_ids = fields.One2many("party.member", "partner_id", string="Party Membership")
    is_party_member = fields.Boolean(
        compute="_compute_is_party_member",
        store=True,
        index=True,
        compute_sudo=True,
        string="Party Member",
        help="An active member in the party member register.",
    )
    # Red property (红色物业): property-management companies.
    is_property_company = fields.Boolean(string="Property Company", index=True)
    property_contract_ids = fields.One2many(
        "property.contract", "company_id", string="Estates Served"
    )
    property_party_organization_id = fields.Many2one(
        "party.organization",
        string="Company Party Organisation",
        index=True,
        help="The party organisation built in the company, or the one it joined (联合党支部).",
    )
    property_has_party_org = fields.Boolean(
        compute="_compute_property_has_party_org",
        store=True,
        string="Has Party Organisation",
    )
    property_party_member_count = fields.Integer(
        compute="_compute_property_stats", string="Party Members on Staff"
    )
    property_rating_avg = fields.Float(
        compute="_compute_property_stats", string="Satisfaction", digits=(16, 2)
    )
    property_rating_count = fields.Integer(compute="_compute_property_stats", string="Ratings")

    @api.depends("party_member_ids.state")
    def _compute_is_party_member(self):
        for partner in self:
            partner.is_party_member = any(m.state == "active" for m in partner.party_member_ids)

    @api.depends("property_party_organization_id")
    def _compute_property_has_party_org(self):
        for partner in self:
            partner.property_has_party_org = bool(partner.property_party_organization_id)

    def _compute_property_stats(self):
        members = dict(
            self.env["party.member"]
            .sudo()
            ._read_group(
                [("employer_id", "in", self.ids), ("state", "=", "active")],
                ["employer_id"],
                ["__count"],
            )
        )
        ratings = {
            company: (avg, count)
            for company, avg, count in self.env["property.rating"]
            .sudo()
            ._read_group([("company_id", "in", self.ids)], ["company_id"], ["score:avg", "__count"])
        }
        for partner in self:
            partner.property_party_member_count = members.get(partner, 0)
            avg, count = ratings.get(partner, (0.0, 0))
            partner.property_rating_avg = avg or 0.0
            partner.property_rating_count = count
