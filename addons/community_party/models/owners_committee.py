from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Seed 001, item 18: party members make up at least half of an owners'
# committee; a party member as chair is recommended.
PARTY_RATIO_MIN = 0.5
# Days before a term ends when the next election is put on someone's list.
ELECTION_REMINDER_DAYS = 90

COMPLIANCE = [
    ("compliant", "Compliant"),
    # a recommendation, not a rule: compliant, with a warning
    ("chair", "Compliant, Chair Not a Party Member"),
    ("ratio", "Below 50% Party Members"),
    ("no_term", "No Current Term"),
]


class OwnersCommittee(models.Model):
    """The owners' committee (业主委员会) of an estate."""

    _name = "owners.committee"
    _description = "Owners' Committee"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "community_id, name, id"

    name = fields.Char(required=True, tracking=True)
    estate_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', '=', 'estate')]",
        tracking=True,
    )
    community_id = fields.Many2one(
        related="estate_id.community_id", store=True, index=True, string="Community"
    )
    street_id = fields.Many2one(related="estate_id.street_id", store=True, index=True)
    property_company_id = fields.Many2one(
        "res.partner",
        index=True,
        domain="[('is_property_company', '=', True)]",
        tracking=True,
    )
    company_has_party_org = fields.Boolean(
        related="property_company_id.property_has_party_org", string="Company Has Party Org."
    )
    company_rating_avg = fields.Float(
        related="property_company_id.property_rating_avg", string="Company Satisfaction"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="Community staff member who follows the committee and its elections.",
    )
    term_ids = fields.One2many("owners.committee.term", "committee_id", string="Terms")
    current_term_id = fields.Many2one(
        "owners.committee.term", compute="_compute_current_term", store=True
    )
    next_election_date = fields.Date(
        related="current_term_id.date_end", store=True, string="Next Election"
    )
    party_ratio = fields.Float(
        related="current_term_id.party_ratio", store=True, aggregator="avg", string="Party Share"
    )
    compliance_status = fields.Selection(
        COMPLIANCE,
        compute="_compute_compliance_status",
        store=True,
        index=True,
        tracking=True,
        string="Rule Status",
    )
    active = fields.Boolean(default=True)

    @api.depends("term_ids.election_date", "term_ids.date_end")
    def _compute_current_term(self):
        for committee in self:
            terms = committee.term_ids.sorted("election_date", reverse=True)
            committee.current_term_id = terms[:1]

    @api.depends("current_term_id.compliance_status")
    def _compute_compliance_status(self):
        for committee in self:
            committee.compliance_status = committee.current_term_id.compliance_status or "no_term"

    @api.model
    def _cron_election_reminder(self):
        """Put the next election on the responsible's list 90 days before a term ends."""
        today = fields.Date.context_today(self)
        committees = self.search(
            [
                ("next_election_date", "!=", False),
                ("next_election_date", "<=", today + relativedelta(days=ELECTION_REMINDER_DAYS)),
            ]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        already = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", committees.ids),
                    ("activity_type_id", "=", todo.id),
                    ("summary", "=", self.env._("Prepare the owners' committee election")),
                ]
            )
            .mapped("res_id")
        )
        for committee in committees.filtered(lambda c: c.id not in already):
            committee.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=committee.next_election_date,
                summary=self.env._("Prepare the owners' committee election"),
                user_id=committee.user_id.id or self.env.user.id,
            )
        return committees

    def action_export_compliance_xlsx(self):
        """The compliance table as xlsx, read with the user's rules."""
        return {
            "type": "ir.actions.act_url",
            "url": "/community_party/compliance.xlsx",
            "target": "self",
        }


class OwnersCommitteeTerm(models.Model):
    """A term (届) of an owners' committee; the rules are checked per term."""

    _name = "owners.committee.term"
    _description = "Owners' Committee Term"
    _inherit = ["mail.thread"]
    _order = "committee_id, election_date desc, id desc"

    name = fields.Char(required=True, help="e.g. 第二届")
    committee_id = fields.Many2one(
        "owners.committee", required=True, index=True, ondelete="cascade"
    )
    community_id = fields.Many2one(
        related="committee_id.community_id", store=True, index=True, string="Community"
    )
    street_id = fields.Many2one(related="committee_id.street_id", store=True, index=True)
    election_date = fields.Date(required=True)
    date_end = fields.Date(string="Term End", required=True)
    member_ids = fields.One2many("owners.committee.member", "term_id", string="Members")
    member_count = fields.Integer(compute="_compute_compliance", store=True)
    party_member_count = fields.Integer(compute="_compute_compliance", store=True)
    party_ratio = fields.Float(
        compute="_compute_compliance",
        store=True,
        aggregator="avg",
        string="Party Share",
        help="Share of the committee's members who are party members; the rule asks ≥ 50%.",
    )
    chair_is_party_member = fields.Boolean(compute="_compute_compliance", store=True)
    cross_appointment_count = fields.Integer(
        compute="_compute_compliance", store=True, string="Cross-appointed"
    )
    compliance_rate = fields.Float(
        compute="_compute_compliance",
        store=True,
        aggregator="avg",
        help="1 when the term keeps every rule, 0 otherwise: averaged, the share of "
        "compliant terms.",
    )
    compliance_status = fields.Selection(
        COMPLIANCE,
        compute="_compute_compliance",
        store=True,
        index=True,
        tracking=True,
        string="Rule Status",
    )

    @api.depends(
        "member_ids.is_party_member",
        "member_ids.position",
        "member_ids.cross_party_committee",
        "member_ids.cross_residents_committee",
    )
    def _compute_compliance(self):
        for term in self:
            members = term.member_ids
            party = members.filtered("is_party_member")
            chairs = members.filtered(lambda m: m.position == "chair")
            term.member_count = len(members)
            term.party_member_count = len(party)
            term.party_ratio = len(party) / len(members) if members else 0.0
            term.chair_is_party_member = bool(chairs) and all(chairs.mapped("is_party_member"))
            term.cross_appointment_count = len(
                members.filtered(lambda m: m.cross_party_committee or m.cross_residents_committee)
            )
            if not members or term.party_ratio < PARTY_RATIO_MIN:
                term.compliance_status = "ratio"
            elif not term.chair_is_party_member:
                term.compliance_status = "chair"
            else:
                term.compliance_status = "compliant"
            # seed 001 item 18 only recommends a party member as chair: a warning
            term.compliance_rate = 1.0 if term.compliance_status in ("compliant", "chair") else 0.0

    @api.constrains("election_date", "date_end")
    def _check_dates(self):
        for term in self:
            if term.date_end <= term.election_date:
                raise ValidationError(
                    self.env._(
                        "Term %(name)s of %(committee)s must end after its election date.",
                        name=term.name,
                        committee=term.committee_id.name,
                    )
                )

    @api.depends("name", "committee_id.name")
    def _compute_display_name(self):
        for term in self:
            term.display_name = f"{term.committee_id.name} {term.name}"


class OwnersCommitteeMember(models.Model):
    """A seat on an owners' committee for one term."""

    _name = "owners.committee.member"
    _description = "Owners' Committee Member"
    _order = "term_id, position, id"

    term_id = fields.Many2one(
        "owners.committee.term", required=True, index=True, ondelete="cascade"
    )
    community_id = fields.Many2one(related="term_id.community_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True)
    position = fields.Selection(
        [("chair", "Chair"), ("vice_chair", "Vice-chair"), ("member", "Member")],
        required=True,
        default="member",
    )
    is_party_member = fields.Boolean(
        related="partner_id.is_party_member", store=True, string="Party Member"
    )
    cross_party_committee = fields.Boolean(
        string="On Community Party Committee",
        help="交叉任职: also sits on the community's party committee.",
    )
    cross_residents_committee = fields.Boolean(
        string="On Residents' Committee",
        help="交叉任职: also sits on the community's residents' committee.",
    )

    _sql_constraints = [
        ("partner_uniq", "unique(term_id, partner_id)", "This person already sits on this term."),
    ]

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        community = self.term_id.committee_id.community_id
        if self.partner_id and community:
            self.cross_party_committee = bool(
                self.env["party.organization.position"].search_count(
                    [
                        ("partner_id", "=", self.partner_id.id),
                        ("organization_id.area_id", "=", community.id),
                    ],
                    limit=1,
                )
            )

    @api.constrains("position", "term_id")
    def _check_one_chair(self):
        for term in self.term_id:
            if len(term.member_ids.filtered(lambda m: m.position == "chair")) > 1:
                raise ValidationError(
                    self.env._(
                        "Term %(term)s has more than one chair: keep one and make the "
                        "others vice-chairs or members.",
                        term=term.display_name,
                    )
                )
