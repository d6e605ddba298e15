from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_grid.tools import refused_by_constraint

STATES = [
    ("proposed", "Proposed"),
    ("review", "Under Review"),
    ("voting", "Voting"),
    ("notice", "Result Published"),
    ("implementation", "In Progress"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
]
PUBLIC_STATES = ("voting", "notice", "implementation", "closed")


class CommunityMicroproject(models.Model):
    """A residents' micro-project (民生微实事): proposed, reviewed, voted on by
    the residents of the community, published, implemented and closed."""

    _name = "community.microproject"
    _description = "Residents' Micro-project"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("partner_id",)
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "create_date desc, id desc"

    name = fields.Char(required=True, tracking=True)
    description = fields.Text()
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', 'in', ('community', 'village'))]",
        tracking=True,
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Proposed By",
        index=True,
        default=lambda self: self.env.user.partner_id,
    )
    state = fields.Selection(
        STATES,
        required=True,
        default="proposed",
        index=True,
        tracking=True,
        string="Stage",
        readonly=True,
    )
    feasibility = fields.Text(string="Feasibility Review")
    estimated_cost = fields.Float(digits=(16, 2), tracking=True, string="Estimated Cost (CNY)")
    vote_date_start = fields.Datetime(string="Voting Opens", tracking=True)
    vote_date_end = fields.Datetime(string="Voting Closes", tracking=True)
    max_choices = fields.Integer(
        string="Choices per Resident",
        default=1,
        required=True,
        help="How many options each resident may tick on the ballot.",
    )
    choice_ids = fields.One2many("community.microproject.choice", "project_id", string="Options")
    vote_ids = fields.One2many("community.microproject.vote", "project_id", string="Ballots")
    vote_count = fields.Integer(compute="_compute_vote_count", compute_sudo=True, string="Votes")
    winner_choice_id = fields.Many2one(
        "community.microproject.choice", string="Chosen Option", readonly=True, tracking=True
    )
    result_note = fields.Text(string="Public Notice")
    progress = fields.Integer(tracking=True, help="Implementation progress, in percent.")
    is_voting_open = fields.Boolean(compute="_compute_is_voting_open")

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for project in self:
            project.access_url = f"/my/microprojects/{project.id}"
        return res

    def _compute_vote_count(self):
        counts = dict(
            self.env["community.microproject.vote"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.vote_count = counts.get(project, 0)

    @api.depends("state", "vote_date_start", "vote_date_end")
    def _compute_is_voting_open(self):
        now = fields.Datetime.now()
        for project in self:
            project.is_voting_open = (
                project.state == "voting"
                and (not project.vote_date_start or project.vote_date_start <= now)
                and (not project.vote_date_end or now <= project.vote_date_end)
            )

    @api.constrains("max_choices", "progress", "vote_date_start", "vote_date_end")
    def _check_values(self):
        for project in self:
            if project.max_choices < 1:
                raise ValidationError(
                    self.env._("Residents must be able to tick at least one option.")
                )
            if not 0 <= project.progress <= 100:
                raise ValidationError(self.env._("Progress is a percentage between 0 and 100."))
            if (
                project.vote_date_start
                and project.vote_date_end
                and project.vote_date_end < project.vote_date_start
            ):
                raise ValidationError(
                    self.env._("Voting on %(name)s must close after it opens.", name=project.name)
                )

    def action_review(self):
        self.state = "review"

    def action_open_vote(self):
        for project in self:
            if len(project.choice_ids) < 2:
                raise UserError(
                    self.env._(
                        "Give %(name)s at least two options before opening the vote.",
                        name=project.name,
                    )
                )
            if project.max_choices >= len(project.choice_ids):
                raise UserError(
                    self.env._(
                        "Residents may tick %(max)s options but %(name)s has only %(count)s: "
                        "lower the number of choices per resident.",
                        max=project.max_choices,
                        name=project.name,
                        count=len(project.choice_ids),
                    )
                )
            if not project.vote_date_end:
                raise UserError(
                    self.env._("Set the closing date of the vote on %(name)s.", name=project.name)
                )
        self.write({"state": "voting"})
        for project in self.filtered(lambda p: not p.vote_date_start):
            project.vote_date_start = fields.Datetime.now()

    def action_publish_result(self):
        for project in self:
            if project.state != "voting":
                raise UserError(self.env._("Only a project being voted on can publish a result."))
            if project.vote_date_end and project.vote_date_end > fields.Datetime.now():
                # Closing early is allowed: the vote closes now.
                project.vote_date_end = fields.Datetime.now()
            ranked = project.choice_ids.sorted(lambda c: (-c.vote_count, c.sequence, c.id))
            project.winner_choice_id = ranked[:1] if ranked[:1].vote_count else False
        self.state = "notice"

    def action_implement(self):
        self.state = "implementation"

    def action_close(self):
        self.write({"state": "closed", "progress": 100})

    def action_reject(self):
        self.state = "rejected"


class CommunityMicroprojectChoice(models.Model):
    """An option on the ballot of a micro-project."""

    _name = "community.microproject.choice"
    _description = "Micro-project Option"
    _order = "project_id, sequence, id"

    name = fields.Char(string="Option", required=True)
    sequence = fields.Integer(default=10)
    project_id = fields.Many2one(
        "community.microproject", required=True, index=True, ondelete="cascade"
    )
    community_id = fields.Many2one(related="project_id.community_id", store=True, index=True)
    vote_count = fields.Integer(compute="_compute_vote_count", compute_sudo=True, string="Votes")

    def _compute_vote_count(self):
        counts = dict(
            self.env["community.microproject.vote"]._read_group(
                [("choice_ids", "in", self.ids)], ["choice_ids"], ["__count"]
            )
        )
        for choice in self:
            choice.vote_count = counts.get(choice, 0)


class CommunityMicroprojectVote(models.Model):
    """One resident's ballot on a micro-project: secret to other residents,
    one per resident and project."""

    _name = "community.microproject.vote"
    _description = "Micro-project Vote"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("partner_id",)
    _order = "create_date desc, id desc"

    project_id = fields.Many2one(
        "community.microproject", required=True, index=True, ondelete="cascade"
    )
    community_id = fields.Many2one(related="project_id.community_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Resident",
        required=True,
        index=True,
        default=lambda self: self.env.user.partner_id,
    )
    choice_ids = fields.Many2many(
        "community.microproject.choice",
        "community_microproject_vote_choice_rel",
        "vote_id",
        "choice_id",
        string="Options",
    )

    _sql_constraints = [
        (
            "one_vote_per_resident",
            "unique(project_id, partner_id)",
            "Each resident votes once on a micro-project.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        # Check every ballot before anything is written.
        ballots = [self.sudo().new(vals) for vals in vals_list]
        for ballot in ballots:
            ballot._check_ballot()
        # the unique index holds when the same resident votes twice at the same instant
        voters = self.env["res.partner"].sudo()
        for ballot in ballots:
            voters |= ballot.partner_id or self.env.user.partner_id
        with refused_by_constraint(
            self.env.cr,
            ["community_microproject_vote_one_vote_per_resident"],
            self.env._(
                "%(name)s has already voted on this project: each resident votes once.",
                name=", ".join(voters.mapped("name")),
            ),
        ):
            return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("A vote cannot be changed once it is cast."))
        return super().write(vals)

    def _check_ballot(self):
        self.ensure_one()
        project = self.project_id
        partner = self.partner_id or self.env.user.partner_id
        if not project.is_voting_open:
            raise UserError(
                self.env._(
                    "Voting on %(name)s is not open: it runs only between its opening "
                    "and closing dates.",
                    name=project.name,
                )
            )
        if partner.resident_community_id != project.community_id:
            raise UserError(
                self.env._(
                    "Only residents of %(community)s vote on %(name)s.",
                    community=project.community_id.name,
                    name=project.name,
                )
            )
        if self.search_count(
            [("project_id", "=", project.id), ("partner_id", "=", partner.id)], limit=1
        ):
            raise UserError(
                self.env._(
                    "%(name)s has already voted on this project: each resident votes once.",
                    name=partner.name,
                )
            )
        if not self.choice_ids:
            raise UserError(self.env._("Tick at least one option before voting."))
        if len(self.choice_ids) > project.max_choices:
            raise UserError(
                self.env._(
                    "Tick at most %(max)s options on %(name)s.",
                    max=project.max_choices,
                    name=project.name,
                )
            )
        if self.choice_ids.project_id != project:
            raise UserError(self.env._("These options do not belong to this project."))
