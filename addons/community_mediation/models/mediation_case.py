import io

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_grid.models.community_guard import trusted_method
from odoo.addons.community_grid.tools import related_action

DISPUTE_TYPES = [
    ("neighbour", "Neighbour Dispute"),
    ("family", "Marriage and Family"),
    ("property", "Property Management"),
    ("labour", "Labour"),
    ("housing", "Land and Housing"),
    ("debt", "Contract and Debt"),
    ("damage", "Damages"),
    ("other", "Other"),
]
RISK_LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
# "小事不出村、大事不出镇、矛盾不上交": a case escalates one level at a time.
NEXT_LEVEL = {"community": "street", "street": "district"}
# States in which a case may still be escalated: before an outcome, or failed.
ESCALATABLE = ("registered", "accepted", "assigned", "mediating", "concluded")


class MediationCase(models.Model):
    """A dispute case (矛盾纠纷案件) from intake to its closing visit."""

    _name = "mediation.case"
    _description = "Mediation Case"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("applicant_partner_id",)

    # free input although the name looks like a figure (community_guard)

    _guard_writable = {
        "risk_level": "the mediator's assessment of the dispute, kept up to date in the form"
    }
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "community.workflow.order.mixin",
    ]
    _order = "date_registered desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    subject = fields.Char(required=True, tracking=True)
    dispute_type = fields.Selection(
        DISPUTE_TYPES, string="Type", required=True, default="neighbour", index=True, tracking=True
    )
    source = fields.Selection(
        [
            ("walk_in", "Walk-in or Phone"),
            ("portal", "Online Application"),
            ("grid_event", "Grid Event"),
            ("screening", "Screening"),
            ("referral", "Referral"),
        ],
        required=True,
        default="walk_in",
        index=True,
    )
    description = fields.Text(required=True)
    preferred_time = fields.Char(help="When the applicant prefers to meet, as they wrote it.")
    amount = fields.Float(
        string="Amount at Stake (CNY)", digits=(16, 2), aggregator="sum", groups="base.group_user"
    )
    risk_level = fields.Selection(
        RISK_LEVELS,
        required=True,
        default="low",
        index=True,
        tracking=True,
        groups="base.group_user",
    )
    state = fields.Selection(
        [
            ("registered", "Registered"),
            ("accepted", "Accepted"),
            ("assigned", "Assigned"),
            ("mediating", "In Mediation"),
            ("concluded", "Concluded"),
            ("follow_up", "Follow-up Visit"),
            ("closed", "Closed"),
        ],
        string="Stage",
        required=True,
        default="registered",
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
        readonly=True,
    )
    outcome = fields.Selection(
        [
            ("reached", "Agreement Reached"),
            ("partial", "Partly Settled"),
            ("failed", "Failed"),
        ],
        index=True,
        tracking=True,
        copy=False,
    )
    level = fields.Selection(
        [("community", "Community"), ("street", "Street / Town"), ("district", "District")],
        required=True,
        default="community",
        index=True,
        tracking=True,
        help="Who handles the case now: it starts in the community and escalates one "
        "level at a time.",
    )
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('area_type', 'in', ('community', 'village'))]",
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    district_id = fields.Many2one(related="community_id.district_id", store=True, index=True)
    party_ids = fields.One2many("mediation.case.party", "case_id", string="Parties", copy=True)
    party_partner_ids = fields.Many2many(
        "res.partner",
        "mediation_case_party_partner_rel",
        "case_id",
        "partner_id",
        compute="_compute_party_partner_ids",
        store=True,
        string="Resident Parties",
        help="The registered residents among the parties: they follow the case on the portal.",
    )
    applicant_partner_id = fields.Many2one(
        "res.partner",
        compute="_compute_applicant_partner_id",
        store=True,
        index=True,
        string="Applicant",
    )
    mediator_id = fields.Many2one(
        "mediation.mediator", index=True, tracking=True, ondelete="restrict", copy=False
    )
    second_mediator_id = fields.Many2one(
        "mediation.mediator",
        index=True,
        tracking=True,
        ondelete="restrict",
        copy=False,
        groups="base.group_user",
    )
    user_id = fields.Many2one(
        related="mediator_id.user_id",
        store=True,
        index=True,
        string="Mediator User",
        groups="base.group_user",
    )
    second_user_id = fields.Many2one(
        related="second_mediator_id.user_id",
        store=True,
        index=True,
        string="Second Mediator User",
        groups="base.group_user",
    )
    session_ids = fields.One2many("mediation.session", "case_id", string="Sessions")
    session_count = fields.Integer(compute="_compute_counts")
    agreement_ids = fields.One2many("mediation.agreement", "case_id", string="Agreements")
    agreement_count = fields.Integer(compute="_compute_counts")
    issued_agreement_id = fields.Many2one(
        "mediation.agreement",
        compute="_compute_issued_agreement_id",
    )
    date_registered = fields.Datetime(
        string="Registered on",
        required=True,
        default=fields.Datetime.now,
        index=True,
        copy=False,
        readonly=True,
    )
    date_closed = fields.Datetime(string="Closed on", readonly=True, copy=False)
    days_to_close = fields.Float(
        compute="_compute_days_to_close",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        groups="base.group_user",
    )
    success_rate = fields.Float(
        compute="_compute_success_rate",
        store=True,
        aggregator="avg",
        string="Success Rate (%)",
        help="100 for an agreement reached, 50 for a partial settlement, 0 for a failure; "
        "its average over cases is the success rate.",
        groups="base.group_user",
    )
    escalation_count = fields.Integer(
        readonly=True, copy=False, aggregator="sum", tracking=True, groups="base.group_user"
    )
    escalation_reason = fields.Text(
        string="Last Escalation Reason", readonly=True, copy=False, groups="base.group_user"
    )
    follow_up_date = fields.Date(
        string="Follow-up Visit on", copy=False, tracking=True, groups="base.group_user"
    )
    follow_up_note = fields.Text(
        string="Follow-up Visit Notes", copy=False, groups="base.group_user"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A case with this reference already exists."),
        ("amount_positive", "CHECK(amount >= 0)", "The amount at stake cannot be negative."),
    ]

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    @api.depends("party_ids.partner_id")
    def _compute_party_partner_ids(self):
        for case in self:
            case.party_partner_ids = case.party_ids.partner_id

    @api.depends("party_ids.partner_id", "party_ids.role")
    def _compute_applicant_partner_id(self):
        for case in self:
            applicants = case.party_ids.filtered(lambda p: p.role == "applicant" and p.partner_id)
            case.applicant_partner_id = applicants[:1].partner_id

    def _compute_counts(self):
        sessions = dict(
            self.env["mediation.session"]._read_group(
                [("case_id", "in", self.ids)], ["case_id"], ["__count"]
            )
        )
        agreements = dict(
            self.env["mediation.agreement"]._read_group(
                [("case_id", "in", self.ids)], ["case_id"], ["__count"]
            )
        )
        for case in self:
            case.session_count = sessions.get(case, 0)
            case.agreement_count = agreements.get(case, 0)

    @api.depends("agreement_ids.state")
    def _compute_issued_agreement_id(self):
        for case in self:
            case.issued_agreement_id = case.agreement_ids.filtered(lambda a: a.state == "issued")[
                :1
            ]

    @api.depends("date_registered", "date_closed")
    def _compute_days_to_close(self):
        for case in self:
            if case.date_closed and case.date_registered:
                delta = case.date_closed - case.date_registered
                case.days_to_close = delta.total_seconds() / 86400
            else:
                case.days_to_close = 0.0

    @api.depends("outcome")
    def _compute_success_rate(self):
        rates = {"reached": 100.0, "partial": 50.0, "failed": 0.0}
        for case in self:
            case.success_rate = rates.get(case.outcome, 0.0)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for case in self:
            case.access_url = f"/my/mediation/{case.id}"
        return res

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for case in self:
            case.display_name = f"{case.name} {case.subject}" if case.subject else case.name

    @api.constrains("mediator_id", "second_mediator_id")
    def _check_mediators(self):
        for case in self:
            if case.second_mediator_id and case.second_mediator_id == case.mediator_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is already the mediator of case %(case)s: choose another "
                        "person as second mediator.",
                        name=case.mediator_id.name,
                        case=case.name,
                    )
                )

    @api.constrains("community_id")
    def _check_community(self):
        for case in self:
            if case.community_id.area_type not in ("community", "village"):
                raise ValidationError(
                    self.env._(
                        "A case belongs to the community or village where the dispute "
                        "arose; %(area)s is neither.",
                        area=case.community_id.complete_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mediation.case") or "/"
        cases = super().create(vals_list)
        cases.filtered(lambda c: c.risk_level == "high")._notify_high_risk()
        return cases

    def write(self, vals):
        newly_high = self.env["mediation.case"]
        if vals.get("risk_level") == "high":
            newly_high = self.filtered(lambda c: c.risk_level != "high")
        if ("mediator_id" in vals or "second_mediator_id" in vals) and "state" not in vals:
            self._check_mediator_change()
        res = super().write(vals)
        newly_high._notify_high_risk()
        return res

    def _check_mediator_change(self):
        closed = self.filtered(lambda c: c.state in ("concluded", "follow_up", "closed"))
        if closed:
            raise UserError(
                self.env._(
                    "Case %(case)s is already concluded: its mediators can no longer change.",
                    case=closed[0].name,
                )
            )

    # ------------------------------------------------------------------
    # High-risk cases: the street's comprehensive-governance staff are told.
    # ------------------------------------------------------------------
    def _governance_staff(self):
        """The street managers (综治中心) who look after this case's street."""
        self.ensure_one()
        group = self.env.ref("community_grid.group_street_manager")
        above = [int(i) for i in self.community_id.parent_path.split("/") if i]
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", group.id),
                    ("share", "=", False),
                    ("community_area_ids", "in", above),
                ]
            )
        )

    def _notify_governance_staff(self, summary, note):
        self.ensure_one()
        staff = self._governance_staff()
        if not staff:
            return
        self.sudo().message_subscribe(partner_ids=staff.partner_id.ids)
        for user in staff:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo", user_id=user.id, summary=summary, note=note
            )

    def _notify_high_risk(self):
        for case in self:
            case._notify_governance_staff(
                self.env._("High-risk dispute: follow it up"),
                self.env._(
                    "Case %(case)s in %(community)s is marked high risk.",
                    case=case.name,
                    community=case.community_id.name,
                ),
            )

    # ------------------------------------------------------------------
    # Flow
    # ------------------------------------------------------------------
    def _check_state(self, allowed, action):
        for case in self:
            if case.state not in allowed:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Case %(case)s is %(state)s: it cannot be %(action)s now.",
                        case=case.name,
                        state=labels[case.state],
                        action=action,
                    )
                )

    def action_accept(self):
        self._check_state(("registered",), self.env._("accepted"))
        for case in self:
            if not case.party_ids:
                raise UserError(
                    self.env._(
                        "Case %(case)s has no parties: add who is in dispute before accepting it.",
                        case=case.name,
                    )
                )
        self.write({"state": "accepted"})

    def action_assign(self):
        self._check_state(("accepted", "assigned"), self.env._("assigned"))
        for case in self:
            if not case.mediator_id:
                raise UserError(
                    self.env._(
                        "Choose the mediator of case %(case)s before assigning it.",
                        case=case.name,
                    )
                )
            case.state = "assigned"
            if case.user_id:
                case.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=case.user_id.id,
                    summary=self.env._("Plan the first mediation session"),
                )

    def _record_outcome(self, outcome):
        self._check_state(("assigned", "mediating"), self.env._("concluded"))
        for case in self:
            if outcome in ("reached", "partial") and not case.issued_agreement_id:
                raise UserError(
                    self.env._(
                        "Issue the mediation agreement of case %(case)s before recording "
                        "that it was settled.",
                        case=case.name,
                    )
                )
        self.write({"state": "concluded", "outcome": outcome})

    def action_reached(self):
        self._record_outcome("reached")

    def action_partial(self):
        self._record_outcome("partial")

    def action_failed(self):
        self._record_outcome("failed")

    def action_follow_up(self):
        self._check_state(("concluded",), self.env._("visited"))
        self.write({"state": "follow_up", "follow_up_date": fields.Date.context_today(self)})

    def action_close(self):
        self._check_state(("concluded", "follow_up"), self.env._("closed"))
        for case in self:
            if case.outcome != "failed" and not case.follow_up_note:
                raise UserError(
                    self.env._(
                        "Write the notes of the follow-up visit (回访) of case %(case)s "
                        "before closing it.",
                        case=case.name,
                    )
                )
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})

    def action_reopen(self):
        self._check_state(("closed",), self.env._("reopened"))
        self.write({"state": "concluded", "date_closed": False})

    def action_open_escalate_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Escalate Case"),
            "res_model": "mediation.case.escalate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_case_id": self.id},
        }

    @trusted_method
    def _escalate(self, reason):
        """Hand the case one level up (community → street → district), keeping
        its parties, sessions and history; the new level assigns new mediators."""
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the case is escalated."))
        if self.state not in ESCALATABLE or (
            self.state == "concluded" and self.outcome != "failed"
        ):
            raise UserError(
                self.env._(
                    "Only open or failed cases escalate; case %(case)s is settled.",
                    case=self.name,
                )
            )
        new_level = NEXT_LEVEL.get(self.level)
        if not new_level:
            raise UserError(
                self.env._(
                    "Case %(case)s is already handled by the district, the highest "
                    "level: refer the parties to the court or arbitration instead.",
                    case=self.name,
                )
            )
        # Post and notify first: the mediators who escalate lose access to the
        # case once it is handed to the next level; their to-dos go with it.
        leaving = self.user_id | self.second_user_id
        self.activity_ids.filtered(lambda a: a.user_id and a.user_id in leaving).unlink()
        # the mediators who no longer handle the case stop following it
        self.message_unsubscribe(partner_ids=leaving.partner_id.ids)
        self.message_post(
            body=self.env._(
                "Escalated to the %(level)s level: %(reason)s",
                level=dict(self._fields["level"]._description_selection(self.env))[new_level],
                reason=reason,
            ),
        )
        self._notify_governance_staff(
            self.env._("Escalated dispute: assign a mediator"),
            self.env._(
                "Case %(case)s of %(community)s was escalated: %(reason)s",
                case=self.name,
                community=self.community_id.name,
                reason=reason,
            ),
        )
        self.write(
            {
                "level": new_level,
                "state": "accepted",
                "outcome": False,
                "mediator_id": False,
                "second_mediator_id": False,
                "escalation_count": self.escalation_count + 1,
                "escalation_reason": reason,
            }
        )

    def action_view_sessions(self):
        return related_action(self, "community_mediation.mediation_session_action", "case_id")

    def action_view_agreements(self):
        return related_action(self, "community_mediation.mediation_agreement_action", "case_id")

    @api.readonly
    def action_export_xlsx(self):
        return {
            "type": "ir.actions.act_url",
            "url": "/mediation/cases/xlsx?ids=" + ",".join(str(i) for i in self.ids),
            "target": "self",
        }

    def _export_xlsx(self):
        """The cases as an xlsx workbook (bytes), one row per case."""
        columns = [
            ("name", self.env._("Reference")),
            ("subject", self.env._("Subject")),
            ("dispute_type", self.env._("Type")),
            ("community_id", self.env._("Community")),
            ("street_id", self.env._("Street / Town")),
            ("level", self.env._("Level")),
            ("state", self.env._("Stage")),
            ("outcome", self.env._("Outcome")),
            ("risk_level", self.env._("Risk Level")),
            ("mediator_id", self.env._("Mediator")),
            ("amount", self.env._("Amount at Stake (CNY)")),
            ("date_registered", self.env._("Registered on")),
            ("date_closed", self.env._("Closed on")),
            ("days_to_close", self.env._("Days to Close")),
            ("escalation_count", self.env._("Escalations")),
        ]
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Cases"))
        bold = workbook.add_format({"bold": True})
        for col, (_field, label) in enumerate(columns):
            sheet.write(0, col, label, bold)
            sheet.set_column(col, col, 16)
        for row, case in enumerate(self, start=1):
            for col, (fname, _label) in enumerate(columns):
                field = self._fields[fname]
                value = case[fname]
                if field.type == "selection":
                    value = dict(field._description_selection(self.env)).get(value, "")
                elif field.type == "many2one":
                    value = value.display_name or ""
                elif field.type == "datetime":
                    value = fields.Datetime.to_string(value) if value else ""
                sheet.write(row, col, value)
        workbook.close()
        return buffer.getvalue()

    def _portal_sessions(self):
        """When and where the parties meet; never the minutes."""
        self.ensure_one()
        return self.sudo().session_ids.filtered(lambda s: s.state != "cancelled").sorted("start")

    def _portal_parties(self, partner):
        """What a party may see of the parties: names and roles only, never
        another party's contact data."""
        self.ensure_one()
        return [
            {
                "name": party.name,
                "role": dict(party._fields["role"]._description_selection(self.env))[party.role],
                "phone": party.phone if party.partner_id == partner else False,
                "is_me": party.partner_id == partner,
            }
            for party in self.sudo().party_ids
        ]


class MediationCaseParty(models.Model):
    """A party to a dispute: a registered resident or a free-text person."""

    _name = "mediation.case.party"
    _description = "Mediation Case Party"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("partner_id",)
    _order = "case_id, role, sequence, id"

    case_id = fields.Many2one("mediation.case", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    role = fields.Selection(
        [("applicant", "Applicant"), ("respondent", "Respondent"), ("third", "Third Party")],
        required=True,
        default="applicant",
    )
    partner_id = fields.Many2one("res.partner", string="Resident", index=True, ondelete="restrict")
    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    phone = fields.Char(
        compute="_compute_phone", store=True, readonly=False, precompute=True, string="Contact"
    )
    community_id = fields.Many2one(related="case_id.community_id", store=True, index=True)
    # the identity a 人民调解协议书 states for each party, from the register
    gender = fields.Selection([("male", "Male"), ("female", "Female")], compute="_compute_identity")
    age = fields.Integer(compute="_compute_identity")
    address = fields.Char(compute="_compute_identity")
    id_number_shown = fields.Char(
        string="ID Number",
        compute="_compute_identity",
        help="In full for the case's mediators and the community staff, masked for others.",
    )

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_identity(self):
        user = self.env.user
        staff = self.env.su or user.has_group("community_grid.group_community_staff")
        today = fields.Date.context_today(self)
        for party in self:
            # read from the register after deciding what this reader sees
            partner = party.partner_id.sudo()
            case = party.case_id.sudo()
            full = staff or user in (case.user_id | case.second_user_id)
            party.gender = partner.gender
            party.age = relativedelta(today, partner.birth_date).years if partner.birth_date else 0
            party.address = partner.household_id.name or partner.street or False
            party.id_number_shown = partner.id_number if full else partner.id_number_masked

    @api.depends("partner_id")
    def _compute_name(self):
        for party in self:
            if party.partner_id:
                party.name = party.partner_id.name

    @api.depends("partner_id")
    def _compute_phone(self):
        for party in self:
            if party.partner_id:
                party.phone = party.partner_id.phone or party.partner_id.mobile or party.phone

    @api.model
    def _get_party_commands(self, partner, other_name, other_contact=False):
        """Commands for a resident applying against a free-text other party."""
        commands = [Command.create({"role": "applicant", "partner_id": partner.id})]
        if other_name:
            commands.append(
                Command.create(
                    {"role": "respondent", "name": other_name, "phone": other_contact or False}
                )
            )
        return commands
