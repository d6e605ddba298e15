from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_grid.tools import refused_by_constraint

from .volunteer_activity import CHECK_IN_OPENS_BEFORE

# Tolerance before hours count as beyond the cap (minutes of rounding at the door).
CAP_TOLERANCE_HOURS = 0.1


class VolunteerRegistration(models.Model):
    """A volunteer's sign-up for an activity, their check-in/out and hours."""

    _name = "volunteer.registration"
    _description = "Volunteer Registration"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("activity_id", "profile_id")
    _inherit = ["mail.thread"]
    _order = "activity_start desc, id"
    _rec_name = "profile_id"

    activity_id = fields.Many2one(
        "volunteer.activity", required=True, index=True, ondelete="restrict", tracking=True
    )
    profile_id = fields.Many2one(
        "volunteer.profile",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="profile_id.partner_id", store=True, index=True, string="Contact"
    )
    grid_id = fields.Many2one(related="profile_id.grid_id", store=True, index=True)
    team_id = fields.Many2one(related="activity_id.team_id", store=True, index=True)
    leader_id = fields.Many2one(related="activity_id.leader_id", store=True, index=True)
    community_id = fields.Many2one(related="activity_id.community_id", store=True, index=True)
    street_id = fields.Many2one(related="activity_id.street_id", store=True, index=True)
    activity_start = fields.Datetime(related="activity_id.date_start", store=True, index=True)
    activity_end = fields.Datetime(related="activity_id.date_end")
    state = fields.Selection(
        [
            ("waiting", "Waiting List"),
            ("registered", "Registered"),
            ("attended", "Checked In"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        default="registered",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    check_in = fields.Datetime(tracking=True, readonly=True)
    check_out = fields.Datetime(tracking=True, readonly=True)
    checked_in_by = fields.Selection(
        [("leader", "Team Leader"), ("qr", "QR Code")],
        string="Check-in By",
        readonly=True,
    )
    hours_raw = fields.Float(string="Hours Checked", compute="_compute_hours", store=True)
    hours = fields.Float(
        string="Service Hours", compute="_compute_hours", store=True, aggregator="sum"
    )
    points = fields.Integer(
        string="Points to Earn", compute="_compute_hours", store=True, aggregator="sum"
    )
    anomaly_over_cap = fields.Boolean(string="Beyond the Cap", compute="_compute_hours", store=True)
    anomaly_auto_checkout = fields.Boolean(
        string="Automatic Check-out",
        readonly=True,
        help="The volunteer did not check out: checked out at the end of the activity.",
    )
    anomaly_overlap = fields.Boolean(
        string="Overlapping Activity",
        readonly=True,
        help="The volunteer was checked in to another activity at the same time.",
    )
    has_anomaly = fields.Boolean(
        string="Anomaly", compute="_compute_has_anomaly", store=True, index=True
    )
    hours_state = fields.Selection(
        [
            ("none", "Not Served Yet"),
            ("to_confirm", "To Confirm"),
            ("confirmed", "Confirmed"),
            ("rejected", "Rejected"),
        ],
        default="none",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    participation = fields.Integer(default=1, aggregator="sum", readonly=True)
    referrer_id = fields.Many2one(
        "volunteer.profile",
        string="Referred by",
        index=True,
        ondelete="set null",
        help="The volunteer who brought this one in earns the team's referral bonus.",
    )
    cancel_date = fields.Datetime(readonly=True)
    acting_user_id = fields.Many2one(
        "res.users",
        string="Signed up by",
        readonly=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
    )
    on_behalf = fields.Boolean(
        readonly=True,
        help="Signed up by someone acting for the volunteer (proxy or desk).",
    )
    point_line_ids = fields.One2many("volunteer.point.line", "registration_id")

    _sql_constraints = [
        (
            "one_active_per_activity",
            "EXCLUDE (activity_id WITH =, profile_id WITH =) WHERE (state <> 'cancelled')",
            "A volunteer signs up once for an activity.",
        ),
    ]

    @api.depends(
        "check_in",
        "check_out",
        "activity_id.duration_hours",
        "activity_id.points_per_hour",
        "activity_id.points_cap",
    )
    def _compute_hours(self):
        for registration in self:
            activity = registration.activity_id
            if registration.check_in and registration.check_out:
                delta = registration.check_out - registration.check_in
                raw = max(delta.total_seconds() / 3600.0, 0.0)
            else:
                raw = 0.0
            cap = activity.duration_hours
            hours = min(raw, cap) if cap else raw
            registration.hours_raw = raw
            registration.hours = round(hours, 2)
            registration.anomaly_over_cap = bool(cap) and raw > cap + CAP_TOLERANCE_HOURS
            points = round(registration.hours * activity.points_per_hour)
            if activity.points_cap:
                points = min(points, activity.points_cap)
            registration.points = points

    @api.depends("anomaly_over_cap", "anomaly_auto_checkout", "anomaly_overlap")
    def _compute_has_anomaly(self):
        for registration in self:
            registration.has_anomaly = (
                registration.anomaly_over_cap
                or registration.anomaly_auto_checkout
                or registration.anomaly_overlap
            )

    @api.constrains("activity_id", "profile_id", "state")
    def _check_unique(self):
        for registration in self.filtered(lambda r: r.state != "cancelled"):
            duplicate = self.search_count(
                [
                    ("id", "!=", registration.id),
                    ("activity_id", "=", registration.activity_id.id),
                    ("profile_id", "=", registration.profile_id.id),
                    ("state", "!=", "cancelled"),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "%(name)s is already signed up for %(activity)s.",
                        name=registration.partner_id.name,
                        activity=registration.activity_id.name,
                    )
                )

    @api.constrains("check_in", "check_out")
    def _check_times(self):
        for registration in self:
            if registration.check_out and not registration.check_in:
                raise ValidationError(self.env._("Check in before checking out."))
            if registration.check_out and registration.check_out < registration.check_in:
                raise ValidationError(
                    self.env._(
                        "%(name)s checks out before checking in: correct the times.",
                        name=registration.partner_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Profile = self.env["volunteer.profile"]
        Activity = self.env["volunteer.activity"]
        Activity.browse(
            {vals["activity_id"] for vals in vals_list if vals.get("activity_id")}
        )._lock_for_update()
        registrations = self.browse()
        # one at a time: each sign-up takes a seat the next one must see
        for vals in vals_list:
            profile = Profile.browse(vals.get("profile_id"))
            activity = Activity.browse(vals.get("activity_id")).sudo()
            if profile and activity and activity.leader_id == self.env.user:
                # the team leader records a volunteer present at the activity
                vals["on_behalf"] = self.env.user.partner_id != profile.sudo().partner_id
            elif profile:
                vals["on_behalf"] = profile._check_acting_user()
            vals["acting_user_id"] = self.env.user.id
            if "state" not in vals and activity:
                activity._invalidate_seats()
                if activity.capacity and activity.seats_taken >= activity.capacity:
                    vals["state"] = "waiting"
            duplicate = self.env._(
                "%(name)s is already signed up for %(activity)s.",
                name=profile.sudo().partner_id.name,
                activity=activity.name,
            )
            if vals.get("state", "registered") != "cancelled" and self.sudo().search_count(
                [
                    ("activity_id", "=", activity.id),
                    ("profile_id", "=", profile.id),
                    ("state", "!=", "cancelled"),
                ],
                limit=1,
            ):
                raise ValidationError(duplicate)
            # the exclusion constraint holds when the same volunteer is signed
            # up twice at the same instant (the check above can't see it)
            with refused_by_constraint(
                self.env.cr, ["volunteer_registration_one_active_per_activity"], duplicate
            ):
                registrations |= super().create([vals])
        registrations.activity_id._invalidate_seats()
        return registrations

    def write(self, vals):
        if "state" in vals and vals["state"] == "cancelled":
            vals.setdefault("cancel_date", fields.Datetime.now())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_points(self):
        if self.sudo().point_line_ids:
            raise UserError(
                self.env._("A registration with points cannot be deleted: reset its hours instead.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _is_organiser(self):
        """Team leaders of the activity, staff and administrators."""
        user = self.env.user
        return (
            user._is_superuser()
            or user.has_group("community_grid.group_community_staff")
            or all(registration.leader_id == user for registration in self)
        )

    def action_cancel(self):
        now = fields.Datetime.now()
        organiser = self._is_organiser()
        for registration in self:
            if registration.state not in ("waiting", "registered"):
                raise UserError(
                    self.env._(
                        "Only a sign-up that has not started can be cancelled (%(name)s).",
                        name=registration.partner_id.name,
                    )
                )
            deadline = registration.activity_id.date_start - timedelta(
                hours=registration.activity_id.cancel_deadline_hours
            )
            if not organiser and now > deadline:
                raise UserError(
                    self.env._(
                        "Cancellation closed %(hours)s hours before the start of %(activity)s: "
                        "please tell the team leader.",
                        hours=registration.activity_id.cancel_deadline_hours,
                        activity=registration.activity_id.name,
                    )
                )
        self.write({"state": "cancelled", "cancel_date": now})
        self.activity_id._promote_waiting()
        return True

    def action_check_in(self):
        return self._check_in("leader")

    def _check_in(self, by):
        """Check in, by the team leader (``"leader"``) or the volunteer's own
        scan of the activity's code (``"qr"``)."""
        now = fields.Datetime.now()
        for registration in self:
            activity = registration.activity_id
            if registration.state != "registered":
                raise UserError(
                    self.env._(
                        "%(name)s cannot check in: the sign-up is %(state)s.",
                        name=registration.partner_id.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            registration.state
                        ],
                    )
                )
            if not (activity.date_start - CHECK_IN_OPENS_BEFORE <= now <= activity.date_end):
                raise UserError(
                    self.env._(
                        "Check-in for %(activity)s opens one hour before the start and closes "
                        "at the end.",
                        activity=activity.name,
                    )
                )
        self.write({"state": "attended", "check_in": now, "checked_in_by": by})
        return True

    def action_check_out(self):
        now = fields.Datetime.now()
        for registration in self:
            if registration.state != "attended" or registration.check_out:
                raise UserError(
                    self.env._(
                        "%(name)s is not checked in, so cannot check out.",
                        name=registration.partner_id.name,
                    )
                )
        self.write({"check_out": now, "hours_state": "to_confirm"})
        self._flag_overlaps()
        return True

    def action_mark_absent(self):
        """Registered but did not come: the seat is closed without hours."""
        self.filtered(lambda r: r.state == "registered").write(
            {"state": "cancelled", "hours_state": "rejected"}
        )
        return True

    def action_confirm_hours(self):
        """The leader confirms the hours: points are earned (and the referral bonus)."""
        if not self._is_organiser():
            raise UserError(self.env._("Only the activity's team leader or staff confirm hours."))
        for registration in self:
            if registration.hours_state not in ("to_confirm", "rejected") or not (
                registration.check_out
            ):
                raise UserError(
                    self.env._(
                        "%(name)s has no checked hours to confirm in %(activity)s.",
                        name=registration.partner_id.name,
                        activity=registration.activity_id.name,
                    )
                )
        self.sudo().write({"hours_state": "confirmed"})
        Line = self.env["volunteer.point.line"]
        vals_list = []
        referred = (
            self.sudo()
            .search(
                [
                    ("referrer_id", "in", self.referrer_id.ids),
                    ("hours_state", "=", "confirmed"),
                    ("id", "not in", self.ids),
                ]
            )
            .mapped(lambda r: (r.referrer_id.id, r.profile_id.id))
        )
        rewarded_pairs = set(referred)
        for registration in self.sudo():
            team = registration.team_id
            expiry = Line._expiry_date_for(team.points_expiry_months)
            if registration.points > 0:
                vals_list.append(
                    {
                        "profile_id": registration.profile_id.id,
                        "kind": "earn",
                        "points": registration.points,
                        "name": self.env._(
                            "%(activity)s: %(hours)s h",
                            activity=registration.activity_id.name,
                            hours=registration.hours,
                        ),
                        "registration_id": registration.id,
                        "team_id": team.id,
                        "expiry_date": expiry,
                        "on_behalf": True,
                    }
                )
            pair = (registration.referrer_id.id, registration.profile_id.id)
            if registration.referrer_id and team.referral_bonus and pair not in rewarded_pairs:
                rewarded_pairs.add(pair)
                vals_list.append(
                    {
                        "profile_id": registration.referrer_id.id,
                        "kind": "bonus",
                        "points": team.referral_bonus,
                        "name": self.env._(
                            "Referral bonus: %(name)s served in %(activity)s",
                            name=registration.partner_id.name,
                            activity=registration.activity_id.name,
                        ),
                        "registration_id": registration.id,
                        "team_id": team.id,
                        "expiry_date": expiry,
                        "on_behalf": True,
                    }
                )
        if vals_list:
            Line._post(vals_list)
        self.profile_id._update_star_levels()
        return True

    def action_reject_hours(self):
        """The leader rejects hours flagged as anomalous: no points."""
        if not self._is_organiser():
            raise UserError(self.env._("Only the activity's team leader or staff reject hours."))
        if self.filtered(lambda r: r.hours_state != "to_confirm"):
            raise UserError(self.env._("Only hours waiting for confirmation can be rejected."))
        self.write({"hours_state": "rejected"})
        return True

    def action_reset_hours(self):
        """Undo a confirmation: the earned points are reversed, hours go back to review."""
        if not self._is_organiser():
            raise UserError(self.env._("Only the activity's team leader or staff reset hours."))
        confirmed = self.filtered(lambda r: r.hours_state == "confirmed")
        lines = confirmed.sudo().point_line_ids.filtered(
            lambda line: line.kind in ("earn", "bonus") and not line.is_reversed
        )
        lines._reverse(reason=self.env._("hours reset"))
        confirmed.sudo().write({"hours_state": "to_confirm"})
        confirmed.profile_id._update_star_levels()
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _flag_overlaps(self):
        """Flag registrations whose check times overlap another activity of the volunteer."""
        timed = self.filtered(lambda r: r.check_in and r.check_out)
        if not timed:
            return
        others = self.sudo().search(
            [
                ("profile_id", "in", timed.profile_id.ids),
                ("check_in", "!=", False),
                ("check_out", "!=", False),
                ("state", "!=", "cancelled"),
            ]
        )
        to_flag = self.browse()
        for registration in timed:
            for other in others:
                if (
                    other.id != registration.id
                    and other.profile_id == registration.profile_id
                    and other.check_in < registration.check_out
                    and registration.check_in < other.check_out
                ):
                    to_flag |= registration | other
        if to_flag:
            to_flag.sudo().write({"anomaly_overlap": True})

    @api.model
    def _cron_auto_checkout(self):
        """Volunteers who forgot to check out: checked out at the end, flagged."""
        now = fields.Datetime.now()
        forgotten = self.sudo().search(
            [
                ("state", "=", "attended"),
                ("check_out", "=", False),
                ("activity_id.date_end", "<", now),
            ]
        )
        for registration in forgotten:
            registration.write(
                {
                    "check_out": max(registration.activity_id.date_end, registration.check_in),
                    "anomaly_auto_checkout": True,
                    "hours_state": "to_confirm",
                }
            )
        forgotten._flag_overlaps()
        return forgotten
