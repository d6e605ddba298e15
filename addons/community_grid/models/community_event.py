from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

# States in which the SLA clock runs.
CLOCK_STATES = ("new", "accepted", "whistled")
OPEN_STATES = ("new", "accepted", "whistled", "waiting")
# An event reopened this many times becomes a problem case for the street.
PROBLEM_REOPEN_COUNT = 3


class CommunityEvent(models.Model):
    """A grid event or resident request (网格事件 / 民情诉求) and its closed loop:
    网格发现 → 社区收集 → 街道吹哨 → 协同处置 → 群众评卷."""

    _name = "community.event"
    _description = "Grid Event"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("reporter_id", "reporter_type")
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "community.workflow.order.mixin",
    ]
    _order = "priority desc, date_reported desc, id desc"
    _rec_names_search = ["name", "title"]

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    title = fields.Char(required=True, tracking=True)
    description = fields.Text(required=True)
    category_id = fields.Many2one(
        "community.event.category", required=True, index=True, tracking=True
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent"), ("2", "Very Urgent")],
        default="0",
        index=True,
    )
    state = fields.Selection(
        [
            ("new", "Reported"),
            ("accepted", "Accepted"),
            ("whistled", "Escalated to Street"),
            ("waiting", "Waiting"),
            ("handled", "Handled"),
            ("closed", "Closed"),
        ],
        string="Status",
        default="new",
        required=True,
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
        readonly=True,
    )
    # where
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self._default_community_id(),
        domain="[('area_type', 'in', ('community', 'village'))]",
        tracking=True,
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    grid_id = fields.Many2one(
        "community.grid",
        index=True,
        ondelete="restrict",
        default=lambda self: self._default_grid_id(),
        domain="[('community_id', '=', community_id)]",
        tracking=True,
    )
    building_id = fields.Many2one(
        "community.building", index=True, domain="[('grid_id', '=', grid_id)]"
    )
    address = fields.Char(help="Free address where no building fits.")
    # who
    reporter_type = fields.Selection(
        [
            ("resident", "Resident"),
            ("grid_worker", "Grid Worker"),
            ("anonymous", "Anonymous"),
        ],
        default="grid_worker",
        required=True,
    )
    reporter_id = fields.Many2one("res.partner", index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Handler",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self._default_user_id(),
        groups="base.group_user",
    )
    task_ids = fields.One2many(
        "community.event.task", "event_id", string="Department Tasks", groups="base.group_user"
    )
    # outcome, seen by the reporter
    outcome = fields.Selection(
        [
            ("resolved", "Resolved"),
            ("partly", "Partly Resolved"),
            ("no_action", "Closed Without Action"),
        ],
        tracking=True,
    )
    answer = fields.Text(help="The answer the reporter reads: what was done, or why not.")
    # SLA
    date_reported = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True, index=True
    )
    date_clock_start = fields.Datetime(
        readonly=True,
        help="When the clock last (re)started: report or reopening.",
        groups="base.group_user",
    )
    date_handled = fields.Datetime(readonly=True, index=True)
    date_closed = fields.Datetime(readonly=True)
    deadline = fields.Datetime(readonly=True, index=True, tracking=True)
    sla_hours = fields.Float(
        string="Allowed Working Hours", readonly=True, aggregator=False, groups="base.group_user"
    )
    sla_paused_at = fields.Datetime(readonly=True, groups="base.group_user")
    sla_state = fields.Selection(
        [
            ("on_time", "On Time"),
            ("due_soon", "Due Soon"),
            ("overdue", "Overdue"),
            ("done", "Done"),
        ],
        string="Deadline Status",
        compute="_compute_sla_state",
        search="_search_sla_state",
    )
    handled_on_time = fields.Boolean(readonly=True, aggregator="bool_and", groups="base.group_user")
    on_time_rate = fields.Float(
        string="On-time Rate (%)",
        readonly=True,
        aggregator="avg",
        help="100 when handled before its deadline, 0 when late; averaged in reports.",
        groups="base.group_user",
    )
    handling_hours = fields.Float(
        string="Handling Time (h)",
        readonly=True,
        aggregator="avg",
        help="Hours from the report to the answer.",
        groups="base.group_user",
    )
    reminded = fields.Boolean(readonly=True, copy=False, groups="base.group_user")
    supervised = fields.Boolean(
        string="Under Supervision",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        groups="base.group_user",
    )
    # the reporter's verdict
    reopen_count = fields.Integer(readonly=True, copy=False, tracking=True)
    problem_case = fields.Boolean(
        readonly=True, copy=False, index=True, tracking=True, groups="base.group_user"
    )
    rating = fields.Integer(readonly=True, copy=False, aggregator="avg", tracking=True)
    rating_comment = fields.Text(readonly=True, copy=False)
    state_before_wait = fields.Selection(
        [("accepted", "Accepted"), ("whistled", "Escalated to Street")],
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    color = fields.Integer(compute="_compute_sla_state")

    _sql_constraints = [
        ("rating_range", "CHECK(rating IS NULL OR rating BETWEEN 0 AND 5)", "A rating is 1 to 5."),
    ]

    # ------------------------------------------------------------------
    # defaults and computes
    # ------------------------------------------------------------------

    @api.model
    def _default_grid_id(self):
        """A grid worker reports from their own grid: their only grid is the
        default (none when they work in several, or for the superuser)."""
        Grid = self.env["community.grid"]
        if self.env.su:
            return Grid
        uid = self.env.uid
        grids = Grid.search(["|", ("worker_ids", "in", uid), ("leader_id", "=", uid)], limit=2)
        return grids if len(grids) == 1 else Grid

    @api.model
    def _default_community_id(self):
        """The community of the user's own grid, or their only community."""
        grid = self._default_grid_id()
        if grid:
            return grid.community_id
        if self.env.su:
            return self.env["community.area"]
        areas = self.env.user.community_area_ids.filtered(
            lambda area: area.area_type in ("community", "village")
        )
        return areas if len(areas) == 1 else self.env["community.area"]

    @api.depends("name", "title")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        for event in self:
            if not event.name or event.name == "/":
                # a report being typed has no reference yet: its title, not "/"
                event.display_name = event.title or self.env._("New Event")
        return res

    @api.model
    def _default_user_id(self):
        """A grid worker who records an event handles it; nobody else by default."""
        if not self.env.su and self.env.user.has_group("community_grid.group_grid_worker"):
            return self.env.user
        return self.env["res.users"]

    def _due_soon_hours(self):
        return float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("community_grid.event_due_soon_hours", 4)
        )

    @api.depends("deadline", "state", "sla_paused_at")
    def _compute_sla_state(self):
        now = fields.Datetime.now()
        soon = now + timedelta(hours=self._due_soon_hours())
        colours = {"on_time": 10, "due_soon": 2, "overdue": 1, "done": 0}
        for event in self:
            if not event.id and not event.deadline:
                # a record being typed has no deadline yet, and no status
                state = False
            elif event.state in ("handled", "closed") or not event.deadline:
                state = "done"
            elif event.deadline < now:
                state = "overdue"
            elif event.deadline < soon:
                state = "due_soon"
            else:
                state = "on_time"
            event.sla_state = state
            event.color = colours.get(state, 0)

    def _search_sla_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the deadline status."))
        values = {value} if isinstance(value, str) else set(value)
        now = fields.Datetime.now()
        soon = now + timedelta(hours=self._due_soon_hours())
        domains = {
            "done": ["|", ("state", "in", ("handled", "closed")), ("deadline", "=", False)],
            "overdue": [("state", "in", OPEN_STATES), ("deadline", "<", now)],
            "due_soon": [
                ("state", "in", OPEN_STATES),
                ("deadline", ">=", now),
                ("deadline", "<", soon),
            ],
            "on_time": [("state", "in", OPEN_STATES), ("deadline", ">=", soon)],
        }
        domain = expression.OR([domains[v] for v in values if v in domains]) or [(0, "=", 1)]
        if operator in ("!=", "not in"):
            domain = ["!", *domain]
        return domain

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for event in self:
            event.access_url = f"/my/events/{event.id}"

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    # ------------------------------------------------------------------
    # constraints and onchanges
    # ------------------------------------------------------------------

    @api.constrains("grid_id", "community_id", "building_id")
    def _check_location(self):
        for event in self:
            if event.grid_id and event.grid_id.community_id != event.community_id:
                raise ValidationError(
                    self.env._(
                        "Grid %(grid)s is not in %(community)s: choose a grid of the event's "
                        "community.",
                        grid=event.grid_id.name,
                        community=event.community_id.name,
                    )
                )
            if event.building_id and event.building_id.grid_id != event.grid_id:
                raise ValidationError(
                    self.env._(
                        "Building %(building)s lies in grid %(grid)s: choose that grid.",
                        building=event.building_id.display_name,
                        grid=event.building_id.grid_id.name,
                    )
                )

    @api.onchange("grid_id")
    def _onchange_grid_id(self):
        if self.grid_id:
            self.community_id = self.grid_id.community_id

    @api.onchange("building_id")
    def _onchange_building_id(self):
        if self.building_id:
            self.grid_id = self.building_id.grid_id
            self.community_id = self.building_id.community_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("community.event") or "/"
            if vals.get("building_id") and not vals.get("grid_id"):
                building = self.env["community.building"].browse(vals["building_id"])
                vals["grid_id"] = building.grid_id.id
            if vals.get("grid_id") and not vals.get("community_id"):
                vals["community_id"] = (
                    self.env["community.grid"].browse(vals["grid_id"]).community_id.id
                )
        events = super().create(vals_list)
        for event in events:
            event._start_clock(event.date_reported)
        return events

    def write(self, vals):
        res = super().write(vals)
        if "category_id" in vals:
            for event in self.filtered(lambda e: e.state in CLOCK_STATES):
                event._start_clock(event.date_clock_start or event.date_reported)
        return res

    # ------------------------------------------------------------------
    # SLA clock
    # ------------------------------------------------------------------

    def _calendar(self):
        return self.env.company.resource_calendar_id or self.env.ref(
            "resource.resource_calendar_std"
        )

    def _start_clock(self, start):
        """(Re)compute the deadline from ``start`` and the category's working time;
        a new deadline may be reminded of again."""
        self.ensure_one()
        calendar = self._calendar()
        hours = self.category_id._sla_hours(calendar)
        self.sudo().write(
            {
                "date_clock_start": start,
                "sla_hours": hours,
                "deadline": calendar.plan_hours(hours, start, compute_leaves=True),
                "reminded": False,
            }
        )

    def _pause_clock(self):
        for event in self:
            event.sudo().sla_paused_at = fields.Datetime.now()

    def _resume_clock(self):
        """Push the deadline back by the working time spent waiting."""
        now = fields.Datetime.now()
        calendar = self._calendar()
        for event in self.filtered("sla_paused_at"):
            remaining = calendar.get_work_hours_count(event.sla_paused_at, event.deadline)
            if event.deadline < event.sla_paused_at:
                remaining = 0.0
            event.sudo().write(
                {
                    "deadline": calendar.plan_hours(remaining, now, compute_leaves=True)
                    if remaining
                    else event.deadline,
                    "sla_paused_at": False,
                }
            )

    # ------------------------------------------------------------------
    # actions: the closed loop
    # ------------------------------------------------------------------

    def _check_state(self, allowed, action):
        for event in self:
            if event.state not in allowed:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "%(event)s is %(state)s: it cannot be %(action)s now.",
                        event=event.name,
                        state=labels[event.state],
                        action=action,
                    )
                )

    def action_accept(self):
        self._check_state(("new",), self.env._("accepted"))
        for event in self:
            event.write({"state": "accepted", "user_id": event.user_id.id or self.env.user.id})

    def action_whistle(self):
        """街道吹哨: escalate to the street, which summons departments."""
        self._check_state(("accepted",), self.env._("escalated"))
        for event in self:
            if not event.task_ids and event.category_id.department_id:
                event.task_ids = [
                    fields.Command.create({"department_id": event.category_id.department_id.id})
                ]
            if not event.task_ids:
                raise UserError(
                    self.env._(
                        "Add at least one department to summon on the Department Tasks tab "
                        "of %(event)s before escalating it.",
                        event=event.name,
                    )
                )
        self.write({"state": "whistled"})

    def action_wait(self):
        self._check_state(("accepted", "whistled"), self.env._("put on hold"))
        for event in self:
            event.message_post(body=self.env._("Put on hold; the deadline clock is paused."))
        self._pause_clock()
        for event in self:
            event.write({"state_before_wait": event.state, "state": "waiting"})

    def action_resume(self):
        self._check_state(("waiting",), self.env._("resumed"))
        self._resume_clock()
        for event in self:
            event.write(
                {"state": event.state_before_wait or "accepted", "state_before_wait": False}
            )

    def action_handle(self):
        self._check_state(("accepted", "whistled"), self.env._("marked handled"))
        now = fields.Datetime.now()
        for event in self:
            if not event.outcome or not (event.answer or "").strip():
                raise UserError(
                    self.env._(
                        "Choose the outcome of %(event)s and write the answer the reporter "
                        "will read before marking it handled.",
                        event=event.name,
                    )
                )
            pending = event.task_ids.filtered(lambda t: t.state != "answered")
            if pending:
                raise UserError(
                    self.env._(
                        "These departments have not answered yet: %(departments)s.",
                        departments=", ".join(pending.department_id.mapped("name")),
                    )
                )
            on_time = bool(event.deadline) and now <= event.deadline
            event.write(
                {
                    "state": "handled",
                    "date_handled": now,
                    "handled_on_time": on_time,
                    "on_time_rate": 100.0 if on_time else 0.0,
                    "handling_hours": (now - event.date_reported).total_seconds() / 3600.0,
                }
            )
            if event.reporter_id and event.reporter_type != "anonymous":
                event.message_notify(
                    partner_ids=event.reporter_id.ids,
                    subject=self.env._("Your report %(ref)s has been handled", ref=event.name),
                    body=event.answer,
                )

    def action_close(self):
        self._check_state(("handled",), self.env._("closed"))
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})

    def _reopen_days(self):
        return int(
            self.env["ir.config_parameter"].sudo().get_param("community_grid.event_reopen_days", 7)
        )

    def _can_reopen(self):
        self.ensure_one()
        if self.state not in ("handled", "closed") or not self.date_handled:
            return False
        return fields.Datetime.now() <= self.date_handled + timedelta(days=self._reopen_days())

    def _check_reporter(self):
        """Only the reporter gives the verdict on their event (the portal calls
        this as the resident, with sudo; the system user may too)."""
        self.ensure_one()
        if self.env.uid != SUPERUSER_ID and (
            not self.reporter_id or self.env.user.partner_id != self.reporter_id
        ):
            raise AccessError(
                self.env._(
                    "Only the resident who reported %(event)s rates or reopens it.",
                    event=self.sudo().name,
                )
            )

    def action_rate(self, rating, comment=""):
        """The reporter's verdict (群众评卷): 1–5, which closes the event."""
        self.ensure_one()
        self._check_reporter()
        # One verdict per answer: the row is locked, then written (state and
        # rating), so a second rating sent at the same instant waits, fails to
        # serialise, is retried and finds the event closed.
        self.env.cr.execute(
            SQL("SELECT id FROM community_event WHERE id = %s FOR UPDATE", self.id),
            log_exceptions=False,
        )
        self.invalidate_recordset(["state", "rating"])
        if self.state != "handled":
            raise UserError(self.env._("Only a handled event can be rated."))
        if not isinstance(rating, int) or not 1 <= rating <= 5:
            raise UserError(self.env._("Choose a rating from 1 to 5 stars."))
        self.write(
            {
                "rating": rating,
                "rating_comment": comment or False,
                "state": "closed",
                "date_closed": fields.Datetime.now(),
            }
        )

    def action_reopen(self, reason=""):
        """The reporter is not satisfied: the loop starts again, the clock too."""
        self.ensure_one()
        self._check_reporter()
        if not self._can_reopen():
            raise UserError(
                self.env._(
                    "%(event)s can be reopened within %(days)s days of its answer only.",
                    event=self.name,
                    days=self._reopen_days(),
                )
            )
        now = fields.Datetime.now()
        count = self.reopen_count + 1
        self.write(
            {
                "state": "accepted",
                "reopen_count": count,
                "problem_case": count >= PROBLEM_REOPEN_COUNT,
                "outcome": False,
                "rating": False,
                "rating_comment": False,
                "date_handled": False,
                "date_closed": False,
                "supervised": False,
            }
        )
        self.task_ids.filtered(lambda t: t.state == "answered").write({"state": "open"})
        self._start_clock(now)
        self.message_post(
            body=self.env._(
                "Reopened by the reporter (%(count)s): %(reason)s",
                count=count,
                reason=reason or "-",
            )
        )
        if self.problem_case:
            self._notify_street(
                self.env._(
                    "Problem case: %(event)s was reopened %(count)s times",
                    event=self.name,
                    count=count,
                )
            )

    # ------------------------------------------------------------------
    # supervision (督办)
    # ------------------------------------------------------------------

    def _street_managers(self):
        self.ensure_one()
        return self.env["res.users"].search(
            [
                ("groups_id", "in", self.env.ref("community_grid.group_street_manager").id),
                ("share", "=", False),
                ("community_area_ids", "parent_of", self.community_id.id),
            ]
        )

    def _notify_street(self, summary):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for event in self:
            for manager in event._street_managers():
                event.activity_schedule(
                    activity_type_id=activity_type.id, summary=summary, user_id=manager.id
                )

    @api.model
    def _cron_supervise_overdue(self):
        """Overdue events: first a reminder to the handler, then, past the grace
        period, a supervision notice (督办) to the street managers."""
        now = fields.Datetime.now()
        grace = float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("community_grid.event_supervision_hours", 24)
        )
        overdue = self.search([("state", "in", CLOCK_STATES), ("deadline", "<", now)])
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for event in overdue.filtered(lambda e: not e.reminded):
            user = event.user_id or event.grid_id.leader_id
            if user:
                event.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Overdue: %(event)s", event=event.name),
                    user_id=user.id,
                )
        overdue.filtered(lambda e: not e.reminded).write({"reminded": True})
        late = overdue.filtered(
            lambda e: not e.supervised and e.deadline < now - timedelta(hours=grace)
        )
        for event in late:
            event._notify_street(
                self.env._("Supervision (督办): %(event)s is overdue", event=event.name)
            )
        late.write({"supervised": True})
        return True


class CommunityEventTask(models.Model):
    """A department summoned to an escalated event, with its own task and answer."""

    _name = "community.event.task"
    _description = "Department Task"
    _order = "event_id, id"

    event_id = fields.Many2one("community.event", required=True, index=True, ondelete="cascade")
    department_id = fields.Many2one(
        "community.department", required=True, index=True, ondelete="restrict"
    )
    instructions = fields.Text()
    answer = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("answered", "Answered")],
        string="Status",
        default="open",
        required=True,
        index=True,
        readonly=True,
    )
    date_answered = fields.Datetime(readonly=True)
    answered_by_id = fields.Many2one("res.users", readonly=True)
    community_id = fields.Many2one(related="event_id.community_id", store=True, index=True)

    _sql_constraints = [
        (
            "department_uniq",
            "unique(event_id, department_id)",
            "This department is already summoned to the event.",
        ),
    ]

    def action_answer(self):
        for task in self:
            if not (task.answer or "").strip():
                raise UserError(
                    self.env._(
                        "Write the answer of %(department)s before submitting it.",
                        department=task.department_id.name,
                    )
                )
        self.write(
            {
                "state": "answered",
                "date_answered": fields.Datetime.now(),
                "answered_by_id": self.env.uid,
            }
        )
        for task in self:
            # departments read the event without editing it: their answer goes
            # to its history in their own name
            task.event_id.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=self.env._(
                    "%(department)s answered: %(answer)s",
                    department=task.department_id.name,
                    answer=task.answer,
                ),
            )
