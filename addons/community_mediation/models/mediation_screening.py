from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mediation_case import DISPUTE_TYPES, RISK_LEVELS


class MediationScreening(models.Model):
    """A screening campaign (矛盾纠纷排查) over the grids of a community: grid
    workers and mediators look for latent disputes and record findings."""

    _name = "mediation.screening"
    _description = "Dispute Screening Campaign"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', 'in', ('community', 'village'))]",
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    grid_ids = fields.Many2many(
        "community.grid",
        string="Grids",
        domain="[('community_id', '=', community_id)]",
    )
    date_start = fields.Date(required=True, default=fields.Date.context_today)
    date_end = fields.Date()
    state = fields.Selection(
        [("draft", "Planned"), ("ongoing", "Ongoing"), ("done", "Done")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
        readonly=True,
    )
    finding_ids = fields.One2many("mediation.screening.finding", "screening_id", string="Findings")
    finding_count = fields.Integer(compute="_compute_finding_count")
    note = fields.Text()

    def _compute_finding_count(self):
        counts = dict(
            self.env["mediation.screening.finding"]._read_group(
                [("screening_id", "in", self.ids)], ["screening_id"], ["__count"]
            )
        )
        for screening in self:
            screening.finding_count = counts.get(screening, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for screening in self:
            if screening.date_end and screening.date_end < screening.date_start:
                raise ValidationError(
                    self.env._(
                        "Screening %(name)s ends before it starts: correct its dates.",
                        name=screening.name,
                    )
                )

    @api.constrains("grid_ids", "community_id")
    def _check_grids(self):
        for screening in self:
            foreign = screening.grid_ids.filtered(
                lambda g, s=screening: g.community_id != s.community_id
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "Grid %(grid)s is not in %(community)s: screen only the grids of "
                        "the campaign's community.",
                        grid=foreign[0].display_name,
                        community=screening.community_id.name,
                    )
                )

    def action_start(self):
        self.write({"state": "ongoing"})

    def action_done(self):
        self.write({"state": "done", "date_end": fields.Date.context_today(self)})


class MediationScreeningFinding(models.Model):
    """A latent dispute found during a screening campaign; it may become a case."""

    _name = "mediation.screening.finding"
    _description = "Screening Finding"

    # free input although the name looks like a figure (community_guard)

    _guard_writable = {"risk_level": "the screener's assessment of the finding"}
    _order = "screening_id, risk_level desc, id"

    screening_id = fields.Many2one(
        "mediation.screening", required=True, index=True, ondelete="cascade"
    )
    community_id = fields.Many2one(related="screening_id.community_id", store=True, index=True)
    grid_id = fields.Many2one("community.grid", index=True, ondelete="restrict")
    description = fields.Text(required=True)
    parties = fields.Char(help="Who is involved, as found.")
    dispute_type = fields.Selection(DISPUTE_TYPES, string="Type", default="neighbour")
    risk_level = fields.Selection(RISK_LEVELS, default="low", required=True)
    case_id = fields.Many2one("mediation.case", index=True, readonly=True, copy=False)

    def action_create_case(self):
        self.ensure_one()
        if self.case_id:
            raise UserError(
                self.env._("This finding already became case %(case)s.", case=self.case_id.name)
            )
        case = self.env["mediation.case"].create(
            {
                "subject": (self.description or "").splitlines()[0][:60],
                "description": self.description,
                "dispute_type": self.dispute_type,
                "risk_level": self.risk_level,
                "source": "screening",
                "community_id": self.community_id.id,
                "party_ids": [
                    Command.create({"role": "applicant", "name": name.strip()})
                    for name in (self.parties or "").replace("，", ",").split(",")
                    if name.strip()
                ],
            }
        )
        self.case_id = case
        return {
            "type": "ir.actions.act_window",
            "res_model": "mediation.case",
            "res_id": case.id,
            "view_mode": "form",
        }
