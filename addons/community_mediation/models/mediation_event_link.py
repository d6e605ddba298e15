from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class MediationCase(models.Model):
    _inherit = "mediation.case"

    event_id = fields.Many2one(
        "community.event",
        string="Grid Event",
        index=True,
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The grid event this dispute was found in.",
    )
    event_reference = fields.Char(
        related="event_id.name", string="Grid Event Reference", related_sudo=True
    )


class CommunityEvent(models.Model):
    """A grid event can hand a dispute over to mediation. The event shows that a
    case exists and its stage; the case file itself stays confidential."""

    _inherit = "community.event"

    mediation_case_ids = fields.One2many(
        "mediation.case",
        "event_id",
        string="Mediation Cases",
        groups="community_mediation.group_mediator",
    )
    mediation_case_info = fields.Char(
        string="Mediation Case", compute="_compute_mediation_case_info", compute_sudo=True
    )

    @api.depends("mediation_case_ids.state")
    def _compute_mediation_case_info(self):
        cases = self.env["mediation.case"].sudo().search([("event_id", "in", self.ids)])
        labels = dict(cases._fields["state"]._description_selection(self.env))
        info = {case.event_id.id: f"{case.name} · {labels[case.state]}" for case in cases}
        for event in self:
            event.mediation_case_info = info.get(event.id, False)

    def action_create_mediation_case(self):
        """Register a mediation case from this event (intake 网格事件 → 调解)."""
        self.ensure_one()
        self.check_access("write")  # only those who handle the event hand it over
        if self.mediation_case_info:
            raise UserError(
                self.env._(
                    "%(event)s has already been handed over to mediation (%(case)s).",
                    event=self.name,
                    case=self.mediation_case_info,
                )
            )
        parties = []
        if self.reporter_id and self.reporter_type != "anonymous":
            parties.append(Command.create({"role": "applicant", "partner_id": self.reporter_id.id}))
        # the case file is confidential: whoever hands the event over does not
        # follow the case (mail_create_nosubscribe), the mediators assigned do
        case = (
            self.env["mediation.case"]
            .sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "subject": self.title,
                    "description": self.description,
                    "source": "grid_event",
                    "community_id": self.community_id.id,
                    "event_id": self.id,
                    "party_ids": parties,
                }
            )
        )
        self.message_post(
            body=self.env._("Handed over to mediation as case %(case)s.", case=case.name)
        )
        return True
