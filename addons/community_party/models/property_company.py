from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyContract(models.Model):
    """A property company serving an estate for a contract period."""

    _name = "property.contract"
    _description = "Property Service Contract"
    _order = "date_start desc, id desc"

    company_id = fields.Many2one(
        "res.partner",
        string="Property Company",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_property_company', '=', True)]",
    )
    estate_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', '=', 'estate')]",
    )
    community_id = fields.Many2one(
        related="estate_id.community_id", store=True, index=True, string="Community"
    )
    street_id = fields.Many2one(related="estate_id.street_id", store=True, index=True)
    date_start = fields.Date(string="Contract Start", required=True)
    date_end = fields.Date(string="Contract End")

    @api.constrains("date_start", "date_end", "estate_id")
    def _check_dates(self):
        for contract in self:
            if contract.estate_id.area_type != "estate":
                raise ValidationError(
                    self.env._(
                        "A property company serves a residential estate; %(area)s is not one.",
                        area=contract.estate_id.complete_name,
                    )
                )
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "The contract of %(company)s for %(estate)s ends before it starts: "
                        "correct the dates.",
                        company=contract.company_id.name,
                        estate=contract.estate_id.name,
                    )
                )


class PropertyRating(models.Model):
    """A resident's rating of the property service of their estate (物业满意度).

    An own small model rather than the survey addon: a rating is one score
    per resident, company and estate, aggregated per company next to the
    red-property rules; survey would bring a questionnaire engine whose
    answers are not tied to a company or an estate.
    """

    _name = "property.rating"
    _description = "Property Service Rating"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("partner_id", "score")
    _order = "date desc, id desc"

    company_id = fields.Many2one(
        "res.partner",
        string="Property Company",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_property_company', '=', True)]",
    )
    estate_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', '=', 'estate')]",
    )
    community_id = fields.Many2one(
        related="estate_id.community_id", store=True, index=True, string="Community"
    )
    street_id = fields.Many2one(related="estate_id.street_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Resident", required=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    score = fields.Integer(required=True, aggregator="avg", help="1 (very unsatisfied) to 5.")
    comment = fields.Text()

    _sql_constraints = [
        (
            "resident_uniq",
            "unique(company_id, estate_id, partner_id, date)",
            "This resident already rated this company for this estate on that day.",
        ),
    ]

    @api.constrains("score")
    def _check_score(self):
        for rating in self:
            if not 1 <= rating.score <= 5:
                raise ValidationError(
                    self.env._(
                        "A satisfaction score lies between 1 and 5; you entered %(score)s.",
                        score=rating.score,
                    )
                )
