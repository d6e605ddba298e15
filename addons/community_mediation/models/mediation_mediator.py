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
    case_ids = fields.One2many("mediation.case", "mediator_id", string="Cases")
    active_case_count = fields.Integer(
        compute="_compute_case_stats", string="Open Cases", help="Cases not yet concluded."
    )
    concluded_case_count = fields.Integer(compute="_compute_case_stats", string="Concluded Cases")
    success_rate = fields.Float(
        compute="_compute_case_stats",
        string="Success Rate (%)",
        help="Share of the concluded cases settled in full (partial settlements count half).",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("partner_uniq", "unique(partner_id)", "This person is already registered as a mediator."),
    ]

    @api.depends("tier")
    def _compute_tier_sequence(self):
        order = {"instructor": 1, "specialist": 2, "mediator": 3}
        for mediator in self:
            mediator.tier_sequence = order.get(mediator.tier, 9)

    def _compute_case_stats(self):
        Case = self.env["mediation.case"].sudo()
        open_counts = dict(
            Case._read_group(
                [
                    ("mediator_id", "in", self.ids),
                    ("state", "in", ("registered", "accepted", "assigned", "mediating")),
                ],
                ["mediator_id"],
                ["__count"],
            )
        )
        concluded = {
            mediator: (count, rate)
            for mediator, count, rate in Case._read_group(
                [("mediator_id", "in", self.ids), ("outcome", "!=", False)],
                ["mediator_id"],
                ["__count", "success_rate:avg"],
            )
        }
        for mediator in self:
            count, rate = concluded.get(mediator, (0, 0.0))
            mediator.active_case_count = open_counts.get(mediator, 0)
            mediator.concluded_case_count = count
            mediator.success_rate = rate or 0.0

    def action_view_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "community_mediation.mediation_case_action"
        )
        action["domain"] = [
            "|",
            ("mediator_id", "=", self.id),
            ("second_mediator_id", "=", self.id),
        ]
        action["context"] = {}
        return action

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
