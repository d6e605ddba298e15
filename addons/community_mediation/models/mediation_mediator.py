from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MediationMediator(models.Model):
    """A person who mediates disputes, in one of the three tiers of the seeds."""

    _name = "mediation.mediator"
    _description = "Mediator"
    _inherit = ["mail.thread"]
    _order = "tier_sequence, name, id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="restrict"
    )
    name = fields.Char(related="partner_id.name", store=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        index=True,
        help="The backend user of this mediator, if they work in the platform.",
    )
    tier = fields.Selection(
        [
            ("instructor", "Mediation Instructor"),
            ("specialist", "Mediation Specialist"),
            ("mediator", "Mediator"),
        ],
        required=True,
        default="mediator",
        index=True,
        tracking=True,
    )
    tier_sequence = fields.Integer(compute="_compute_tier_sequence", store=True)
    area_id = fields.Many2one(
        "community.area",
        string="Territory",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="Where this mediator works: the community for specialists and "
        "mediators, the street or district for instructors.",
    )
    street_id = fields.Many2one(related="area_id.street_id", store=True, index=True)
    community_id = fields.Many2one(related="area_id.community_id", store=True, index=True)
    speciality = fields.Char(help="e.g. neighbour disputes, family, property, labour")
    workroom = fields.Char(
        string="Personal Workroom", help="Name of the instructor's personal mediation workroom."
    )
    phone = fields.Char(related="partner_id.phone", readonly=False)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("partner_uniq", "unique(partner_id)", "This person is already registered as a mediator."),
    ]

    @api.depends("tier")
    def _compute_tier_sequence(self):
        order = {"instructor": 1, "specialist": 2, "mediator": 3}
        for mediator in self:
            mediator.tier_sequence = order.get(mediator.tier, 9)

    @api.constrains("tier", "area_id")
    def _check_area(self):
        for mediator in self:
            if mediator.area_id.area_type == "estate":
                raise ValidationError(
                    self.env._(
                        "Mediators are registered with a community, street or district, "
                        "not with an estate (%(area)s): choose its community.",
                        area=mediator.area_id.complete_name,
                    )
                )
            if mediator.tier != "instructor" and not mediator.area_id.community_id:
                raise ValidationError(
                    self.env._(
                        "Mediation specialists and mediators work in one community: "
                        "choose a community or village instead of %(area)s.",
                        area=mediator.area_id.complete_name,
                    )
                )
