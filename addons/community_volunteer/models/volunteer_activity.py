import secrets
from datetime import timedelta
from urllib.parse import quote

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, consteq

from odoo.addons.community_grid.tools import related_action

# How early before the start volunteers may check in.
CHECK_IN_OPENS_BEFORE = timedelta(hours=1)


class VolunteerActivity(models.Model):
    """A volunteer activity (志愿活动) or one shift of a recurring service."""

    _name = "volunteer.activity"
    _description = "Volunteer Activity"

    # free input although the name looks like a figure (community_guard)

    _guard_writable = {"cancel_deadline_hours": "the organiser's cancellation window"}
    _inherit = ["mail.thread", "mail.activity.mixin", "community.workflow.order.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    team_id = fields.Many2one(
        "volunteer.team", required=True, index=True, ondelete="restrict", tracking=True
    )
    leader_id = fields.Many2one(
        "res.users", related="team_id.leader_id", store=True, index=True, string="Team Leader"
    )
    area_id = fields.Many2one(
        "community.area",
        string="Where",
        required=True,
        index=True,
        ondelete="restrict",
        compute="_compute_area_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The community or estate where the activity takes place.",
    )
    community_id = fields.Many2one(related="area_id.community_id", store=True, index=True)
    street_id = fields.Many2one(related="area_id.street_id", store=True, index=True)
    place = fields.Char(help="e.g. 平东社区党群服务中心")
    date_start = fields.Datetime(string="Start", required=True, index=True, tracking=True)
    date_end = fields.Datetime(string="End", required=True, tracking=True)
    duration_hours = fields.Float(compute="_compute_duration_hours", store=True)
    registration_deadline = fields.Datetime(
        string="Sign-up Closes",
        compute="_compute_registration_deadline",
        store=True,
        readonly=False,
        precompute=True,
    )
    cancel_deadline_hours = fields.Integer(
        string="Cancel up to (hours before)",
        default=24,
        help="Volunteers cancel their sign-up themselves up to this many hours before the start.",
    )
    capacity = fields.Integer(
        help="Volunteers needed; others go on the waiting list (0: no limit)."
    )
    skill_ids = fields.Many2many("volunteer.skill", string="Required Skills")
    points_per_hour = fields.Float(
        compute="_compute_points_rule", store=True, readonly=False, precompute=True
    )
    points_cap = fields.Integer(
        compute="_compute_points_rule",
        store=True,
        readonly=False,
        precompute=True,
        help="Maximum points one volunteer earns in this activity (0: no cap).",
    )
    description = fields.Text()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("published", "Published"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        default="draft",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    template_id = fields.Many2one(
        "volunteer.shift.template", string="Shift Template", index=True, ondelete="set null"
    )
    checkin_token = fields.Char(
        copy=False,
        default=lambda self: secrets.token_urlsafe(16),
        groups="community_volunteer.group_team_leader,community_grid.group_grid_worker",
    )
    checkin_url = fields.Char(
        compute="_compute_checkin_url",
        groups="community_volunteer.group_team_leader,community_grid.group_grid_worker",
    )
    checkin_qr_url = fields.Char(
        string="Check-in QR Code",
        compute="_compute_checkin_url",
        groups="community_volunteer.group_team_leader,community_grid.group_grid_worker",
    )
    registration_ids = fields.One2many("volunteer.registration", "activity_id")
    # Stored: every sign-up that takes or frees a seat writes the activity row,
    # so parallel sign-ups serialise on it (see _lock_for_update) and the
    # capacity is held by a check constraint, not by a Python check alone.
    seats_taken = fields.Integer(
        compute="_compute_seats_taken",
        store=True,
        help="Volunteers signed up or checked in.",
    )
    seats_available = fields.Integer(compute="_compute_seats")
    waiting_count = fields.Integer(compute="_compute_seats")
    anomaly_count = fields.Integer(compute="_compute_seats")
    color = fields.Integer()

    @api.depends("team_id")
    def _compute_area_id(self):
        for activity in self:
            if not activity.area_id:
                activity.area_id = activity.team_id.area_id

    @api.depends("date_start", "date_end")
    def _compute_duration_hours(self):
        for activity in self:
            if activity.date_start and activity.date_end:
                delta = activity.date_end - activity.date_start
                activity.duration_hours = max(delta.total_seconds() / 3600.0, 0.0)
            else:
                activity.duration_hours = 0.0

    @api.depends("date_start")
    def _compute_registration_deadline(self):
        for activity in self:
            if not activity.registration_deadline or (
                activity.date_start and activity.registration_deadline > activity.date_start
            ):
                activity.registration_deadline = activity.date_start

    @api.depends("team_id")
    def _compute_points_rule(self):
        for activity in self:
            if not activity.points_per_hour:
                activity.points_per_hour = activity.team_id.points_per_hour
            if not activity.points_cap:
                activity.points_cap = activity.team_id.points_cap

    def _compute_checkin_url(self):
        base_url = self.get_base_url()
        for activity in self:
            if activity.id and activity.checkin_token:
                url = f"{base_url}/my/volunteer/checkin/{activity.id}/{activity.checkin_token}"
                activity.checkin_url = url
                activity.checkin_qr_url = (
                    "/report/barcode/?barcode_type=QR&width=300&height=300&value="
                    + quote(url, safe="")
                )
            else:
                activity.checkin_url = False
                activity.checkin_qr_url = False

    _sql_constraints = [
        (
            "seats_within_capacity",
            "CHECK(capacity = 0 OR seats_taken <= capacity)",
            "An activity cannot have more volunteers signed up than its capacity: "
            "cancel sign-ups before lowering the capacity.",
        ),
    ]

    @api.depends("registration_ids.state")
    def _compute_seats_taken(self):
        for activity in self:
            activity.seats_taken = len(
                activity.registration_ids.filtered(lambda r: r.state in ("registered", "attended"))
            )

    @api.depends(
        "registration_ids.state", "registration_ids.has_anomaly", "capacity", "seats_taken"
    )
    def _compute_seats(self):
        Registration = self.env["volunteer.registration"].sudo()
        counts = {
            (activity.id, state): count
            for activity, state, count in Registration._read_group(
                [("activity_id", "in", self.ids)], ["activity_id", "state"], ["__count"]
            )
        }
        anomalies = dict(
            Registration._read_group(
                [
                    ("activity_id", "in", self.ids),
                    ("has_anomaly", "=", True),
                    ("hours_state", "=", "to_confirm"),
                ],
                ["activity_id"],
                ["__count"],
            )
        )
        for activity in self:
            taken = activity.seats_taken
            activity.seats_available = max(activity.capacity - taken, 0) if activity.capacity else 0
            activity.waiting_count = counts.get((activity.id, "waiting"), 0)
            activity.anomaly_count = anomalies.get(activity._origin, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for activity in self:
            if activity.date_end <= activity.date_start:
                raise ValidationError(
                    self.env._(
                        "%(activity)s ends before it starts: set the end after the start.",
                        activity=activity.name,
                    )
                )

    @api.constrains("area_id", "team_id")
    def _check_area(self):
        for activity in self:
            if activity.area_id.community_id != activity.team_id.community_id:
                raise ValidationError(
                    self.env._(
                        "%(activity)s takes place in %(team)s's community (%(community)s) or "
                        "one of its estates.",
                        activity=activity.name,
                        team=activity.team_id.name,
                        community=activity.team_id.community_id.complete_name,
                    )
                )

    @api.constrains("capacity", "points_per_hour", "points_cap", "cancel_deadline_hours")
    def _check_numbers(self):
        for activity in self:
            if (
                min(
                    activity.capacity,
                    activity.points_per_hour,
                    activity.points_cap,
                    activity.cancel_deadline_hours,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Capacity, points and deadlines of %(activity)s cannot be negative.",
                        activity=activity.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_publish(self):
        self.filtered(lambda a: a.state == "draft").state = "published"

    def action_done(self):
        self.filtered(lambda a: a.state == "published").state = "done"

    def action_cancel(self):
        for activity in self:
            activity.registration_ids.filtered(
                lambda r: r.state in ("waiting", "registered")
            ).write({"state": "cancelled", "cancel_date": fields.Datetime.now()})
        self.state = "cancelled"

    def action_reset_token(self):
        """A leaked QR code: make a new one (the old link stops working)."""
        for activity in self:
            activity.checkin_token = secrets.token_urlsafe(16)

    def action_view_registrations(self):
        return related_action(
            self,
            "community_volunteer.volunteer_registration_action",
            "activity_id",
            search_default_filter_active=1,
        )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _lock_for_update(self):
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM volunteer_activity WHERE id IN %s ORDER BY id FOR UPDATE",
                    tuple(sorted(self.ids)),
                ),
                log_exceptions=False,  # a serialisation failure is retried, not a bug
            )

    def _check_open_for(self, profile):
        """Raise what stops this profile from signing up now, if anything."""
        self.ensure_one()
        now = fields.Datetime.now()
        if self.state != "published":
            raise UserError(self.env._("%(activity)s is not open for sign-up.", activity=self.name))
        if (self.registration_deadline or self.date_start) < now:
            raise UserError(self.env._("Sign-up for %(activity)s has closed.", activity=self.name))
        if profile.sudo().community_id != self.community_id:
            raise UserError(
                self.env._(
                    "%(activity)s is for volunteers of %(community)s.",
                    activity=self.name,
                    community=self.community_id.name,
                )
            )

    def _sign_up(self, profile, referrer=None):
        """Sign a volunteer up (portal, backend or proxy); waiting list when full.

        :param profile: a volunteer.profile record or id
        """
        self.ensure_one()
        profile = self.env["volunteer.profile"].browse(getattr(profile, "id", profile))
        self._check_open_for(profile)
        return (
            self.env["volunteer.registration"]
            .sudo()
            .create(
                {
                    "activity_id": self.id,
                    "profile_id": profile.id,
                    "referrer_id": referrer.id if referrer else False,
                }
            )
            .with_env(self.env)
        )

    def _invalidate_seats(self):
        self.env["volunteer.registration"].flush_model(["state", "activity_id"])
        self.invalidate_recordset(
            ["registration_ids", "seats_taken", "seats_available", "waiting_count", "anomaly_count"]
        )

    def _promote_waiting(self):
        """Give freed seats to the waiting list, first come first served."""
        self._lock_for_update()
        promoted = self.env["volunteer.registration"]
        for activity in self.sudo():
            activity._invalidate_seats()
            waiting = activity.registration_ids.filtered(lambda r: r.state == "waiting").sorted(
                "id"
            )
            if activity.capacity:
                waiting = waiting[: max(activity.capacity - activity.seats_taken, 0)]
            for registration in waiting:
                registration.state = "registered"
                registration.message_post(
                    body=self.env._("A seat became free: moved from the waiting list.")
                )
            promoted |= waiting
        self._invalidate_seats()
        return promoted

    def _check_in_by_token(self, token, profile):
        """QR check-in: the first scan checks in, the second checks out."""
        self.ensure_one()
        activity = self.sudo()
        if not token or not activity.checkin_token or not consteq(activity.checkin_token, token):
            raise UserError(
                self.env._("This check-in code is not valid; scan the code shown at the activity.")
            )
        registration = activity.registration_ids.filtered(
            lambda r: r.profile_id == profile and r.state in ("registered", "attended")
        )[:1]
        if not registration:
            raise UserError(
                self.env._(
                    "You are not signed up for %(activity)s (or still on the waiting list).",
                    activity=activity.name,
                )
            )
        if not registration.check_in:
            registration._check_in("qr")
        elif not registration.check_out:
            registration.action_check_out()
        else:
            raise UserError(
                self.env._("You have already checked out of %(activity)s.", activity=activity.name)
            )
        return registration
