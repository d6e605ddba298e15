from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.community_grid.models.community_guard import (
    in_trusted_block,
    trusted_method,
)
from odoo.addons.community_grid.tools import related_action

DEFAULT_STAR_THRESHOLDS = (100.0, 300.0, 600.0, 1000.0, 1500.0)
PARAM_STAR_THRESHOLDS = "community_volunteer.star_thresholds"
PARAM_STAR_NOTICE_DAYS = "community_volunteer.star_notice_days"


def mask_name(name):
    """张桂英 → 张*英: enough for neighbours to recognise, not a full identity."""
    name = name or ""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


class VolunteerProfile(models.Model):
    """The volunteer side of a resident: skills, hours, points balance, stars."""

    _name = "volunteer.profile"
    _description = "Volunteer Profile"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("partner_id", "hours_initial")
    _inherit = ["mail.thread"]
    _order = "hours_total desc, id"

    name = fields.Char(related="partner_id.name", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('area_type', 'in', ('community', 'village'))]",
        help="The community the volunteer serves and redeems points in.",
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    grid_id = fields.Many2one(related="partner_id.grid_id", store=True, index=True)
    team_ids = fields.Many2many(related="partner_id.volunteer_team_ids", string="Teams")
    skill_ids = fields.Many2many("volunteer.skill", string="Skills")
    availability = fields.Char(
        help="When the volunteer can serve, e.g. weekends, weekday evenings."
    )
    hours_initial = fields.Float(
        string="Hours Before the Platform",
        tracking=True,
        help="Service hours recorded before this platform (e.g. on a paper register); "
        "they count towards star levels, not towards points.",
    )
    hours_confirmed = fields.Float(compute="_compute_hours_confirmed", store=True, aggregator="sum")
    hours_total = fields.Float(
        string="Total Hours", compute="_compute_hours_total", store=True, aggregator="sum"
    )
    points_balance = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="Sum of the volunteer's ledger lines, kept in step with the ledger.",
    )
    star_level = fields.Integer(readonly=True, tracking=True, aggregator="max")
    star_pending_level = fields.Integer(
        string="Star in Public Notice",
        readonly=True,
        help="A star level earned by hours and shown publicly until the notice ends.",
    )
    star_notice_until = fields.Date(string="Public Notice Until", readonly=True)
    proxy_consent = fields.Boolean(
        string="Consents to Proxy",
        tracking=True,
        help="The volunteer agreed that their building head or grid worker signs them up "
        "and redeems points on their behalf.",
        readonly=True,
    )
    proxy_consent_date = fields.Date(string="Consent Date", tracking=True, readonly=True)
    proxy_consent_note = fields.Char(
        string="Consent Record", help="Where the consent is kept, e.g. signed form no. 12."
    )
    registration_ids = fields.One2many("volunteer.registration", "profile_id")
    point_line_ids = fields.One2many("volunteer.point.line", "profile_id", string="Points History")
    redemption_ids = fields.One2many("volunteer.redemption", "profile_id")
    registration_count = fields.Integer(compute="_compute_registration_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("partner_uniq", "unique(partner_id)", "This person already has a volunteer profile."),
        ("hours_initial_positive", "CHECK(hours_initial >= 0)", "Hours cannot be negative."),
    ]

    @api.depends("registration_ids.hours", "registration_ids.hours_state")
    def _compute_hours_confirmed(self):
        hours = dict(
            self.env["volunteer.registration"]._read_group(
                [("profile_id", "in", self.ids), ("hours_state", "=", "confirmed")],
                ["profile_id"],
                ["hours:sum"],
            )
        )
        for profile in self:
            profile.hours_confirmed = hours.get(profile, 0.0)

    @api.depends("hours_initial", "hours_confirmed")
    def _compute_hours_total(self):
        for profile in self:
            profile.hours_total = profile.hours_initial + profile.hours_confirmed

    def _compute_registration_count(self):
        counts = dict(
            self.env["volunteer.registration"]._read_group(
                [("profile_id", "in", self.ids)], ["profile_id"], ["__count"]
            )
        )
        for profile in self:
            profile.registration_count = counts.get(profile, 0)

    @api.constrains("community_id")
    def _check_community(self):
        for profile in self:
            if profile.community_id.area_type not in ("community", "village"):
                raise ValidationError(
                    self.env._(
                        "A volunteer belongs to a community or village, not to %(area)s.",
                        area=profile.community_id.complete_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("community_id") and vals.get("partner_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["community_id"] = partner.resident_community_id.id
        return super().create(vals_list)

    def write(self, vals):
        if {"points_balance", "star_level", "star_pending_level"} & set(vals) and not (
            in_trusted_block()
        ):
            raise UserError(
                self.env._(
                    "Points balances and stars follow the ledger and the hours: change them "
                    "through a bonus, a reversal or confirmed hours."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_points(self):
        return related_action(self, "community_volunteer.volunteer_point_line_action", "profile_id")

    def action_view_registrations(self):
        return related_action(
            self, "community_volunteer.volunteer_registration_action", "profile_id"
        )

    def action_record_proxy_consent(self):
        """Record the volunteer's signed consent to proxy actions (grid workers and
        staff who may edit the profile)."""
        self._check_consent_recorder()
        for profile in self:
            if not (profile.proxy_consent_note or "").strip():
                raise UserError(
                    self.env._(
                        "Write where the signed consent of %(name)s is kept (e.g. form no. 12) "
                        "before recording it.",
                        name=profile.partner_id.name,
                    )
                )
        self.write({"proxy_consent": True, "proxy_consent_date": fields.Date.context_today(self)})
        return True

    def action_withdraw_proxy_consent(self):
        """The volunteer withdrew the consent: nobody acts for them any more."""
        self._check_consent_recorder()
        self.write({"proxy_consent": False, "proxy_consent_date": False})
        return True

    def action_withdraw_star_notice(self):
        """An objection during the public notice was upheld: the star is not awarded."""
        self._check_staff()
        self.sudo().write({"star_pending_level": 0, "star_notice_until": False})
        for profile in self:
            profile.message_post(body=self.env._("The star level in public notice was withdrawn."))

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _get_or_create(self, partner):
        """The volunteer profile of a resident, created on their first sign-up."""
        profile = (
            self.sudo()
            .with_context(active_test=False)
            .search([("partner_id", "=", partner.id)], limit=1)
        )
        if profile:
            if not profile.active:
                raise UserError(
                    self.env._(
                        "The volunteer profile of %(name)s is archived; ask the community to "
                        "reactivate it.",
                        name=partner.name,
                    )
                )
            return profile
        if not partner.resident_community_id:
            raise UserError(
                self.env._(
                    "%(name)s is not registered as a resident of a community yet; ask the "
                    "community office to register the household first.",
                    name=partner.name,
                )
            )
        return self.sudo().create(
            {"partner_id": partner.id, "community_id": partner.resident_community_id.id}
        )

    def _check_staff(self):
        if not (self.env.su or self.env.user.has_group("community_grid.group_community_staff")):
            raise AccessError(self.env._("Only community staff can do this."))

    def _check_consent_recorder(self):
        if not (self.env.su or self.env.user.has_group("community_grid.group_grid_worker")):
            raise AccessError(self.env._("Only grid workers and community staff record consent."))
        self.check_access("write")

    def _check_acting_user(self):
        """Who acts: the volunteer, staff at the desk, or a proxy with consent.

        :return: True when the current user acts on behalf of the volunteer.
        :raise UserError: a proxy acts without the volunteer's recorded consent.
        """
        self.ensure_one()
        user = self.env.user
        profile = self.sudo()
        if user.partner_id == profile.partner_id:
            return False
        if user._is_superuser() or user.has_group("community_grid.group_community_staff"):
            return True
        is_building_head = (
            profile.partner_id.household_id.building_id.head_id == user.partner_id
            and bool(user.partner_id)
        )
        if not (
            is_building_head
            or user.has_group("community_grid.group_grid_worker")
            or user.has_group("community_volunteer.group_team_leader")
        ):
            raise UserError(
                self.env._(
                    "Only the volunteer, their building head, their grid worker or community "
                    "staff can act for %(name)s.",
                    name=profile.partner_id.name,
                )
            )
        if not profile.proxy_consent:
            raise UserError(
                self.env._(
                    "%(name)s has not consented to proxy sign-up and redemption: record the "
                    "consent on the volunteer profile first.",
                    name=profile.partner_id.name,
                )
            )
        return True

    def _lock_for_update(self):
        """Lock the profiles' rows (in id order) until the transaction ends."""
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM volunteer_profile WHERE id IN %s ORDER BY id FOR UPDATE",
                    tuple(sorted(self.ids)),
                ),
                log_exceptions=False,  # a serialisation failure is retried, not a bug
            )
            self.invalidate_recordset(["points_balance"])

    @trusted_method
    def _refresh_balance(self):
        """Store balance = sum of ledger lines (the rows are locked by the caller)."""
        self.env["volunteer.point.line"].flush_model()
        sums = dict(
            self.env["volunteer.point.line"]
            .sudo()
            ._read_group([("profile_id", "in", self.ids)], ["profile_id"], ["points:sum"])
        )
        for profile in self.sudo():
            if sums.get(profile, 0) < 0:
                raise UserError(
                    self.env._(
                        "%(name)s's points balance is too low for this: %(balance)s points "
                        "after the operation.",
                        name=profile.partner_id.name,
                        balance=sums.get(profile, 0),
                    )
                )
        for profile in self.sudo():
            profile.points_balance = sums.get(profile, 0)
        self.flush_recordset(["points_balance"])

    def _award_bonus(self, points, reason):
        """Staff grant bonus points (e.g. a good deed reported by neighbours)."""
        self._check_staff()
        if points <= 0:
            raise UserError(self.env._("A bonus is a positive number of points."))
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the bonus is granted."))
        Line = self.env["volunteer.point.line"]
        return Line._post(
            [
                {
                    "profile_id": profile.id,
                    "kind": "bonus",
                    "points": points,
                    "name": reason.strip(),
                    "expiry_date": Line._expiry_date_for(
                        self.env["ir.config_parameter"]
                        .sudo()
                        .get_param("community_volunteer.points_expiry_months", "24")
                    ),
                }
                for profile in self
            ]
        )

    def _redeem(self, reward_id, quantity=1):
        """Redeem a reward (record or id) for this volunteer: see volunteer.redemption."""
        self.ensure_one()
        reward = self.env["volunteer.reward"].browse(getattr(reward_id, "id", reward_id))
        return self.env["volunteer.redemption"]._redeem(self, reward, quantity)

    @api.model
    def _get_star_thresholds(self):
        raw = self.env["ir.config_parameter"].sudo().get_param(PARAM_STAR_THRESHOLDS) or ""
        try:
            thresholds = sorted(float(part) for part in raw.split(",") if part.strip())
        except ValueError:
            thresholds = []
        return thresholds or list(DEFAULT_STAR_THRESHOLDS)

    @api.model
    def _get_star_notice_days(self):
        raw = self.env["ir.config_parameter"].sudo().get_param(PARAM_STAR_NOTICE_DAYS, "7")
        try:
            return max(int(raw), 0)
        except ValueError:
            return 7

    def _star_level_for(self, hours):
        return sum(1 for threshold in self._get_star_thresholds() if hours >= threshold)

    @trusted_method
    def _update_star_levels(self):
        """Put a newly reached star level in public notice (or drop a notice no longer met)."""
        today = fields.Date.context_today(self)
        notice_days = self._get_star_notice_days()
        for profile in self.sudo():
            level = profile._star_level_for(profile.hours_total)
            if level > max(profile.star_level, profile.star_pending_level):
                profile.write(
                    {
                        "star_pending_level": level,
                        "star_notice_until": today + timedelta(days=notice_days),
                    }
                )
                profile.message_post(
                    body=self.env._(
                        "%(hours)s service hours reach star level %(level)s: in public notice "
                        "until %(date)s.",
                        hours=round(profile.hours_total, 1),
                        level=level,
                        date=profile.star_notice_until,
                    )
                )
            elif profile.star_pending_level and level <= profile.star_level:
                profile.write({"star_pending_level": 0, "star_notice_until": False})

    @trusted_method
    @api.model
    def _cron_award_stars(self):
        """Award the star levels whose public notice period has ended."""
        today = fields.Date.context_today(self)
        due = self.sudo().search(
            [("star_pending_level", ">", 0), ("star_notice_until", "<=", today)]
        )
        for profile in due:
            level = profile.star_pending_level
            profile.write(
                {"star_level": level, "star_pending_level": 0, "star_notice_until": False}
            )
            profile.message_post(body=self.env._("Star level %(level)s awarded.", level=level))
        return due

    @api.model
    def _cron_expire_points(self, today=None):
        """Write expiry lines for points earned longer ago than their expiry date.

        Spending consumes the oldest points first: what expires is what was earned
        before the date, minus everything spent or expired so far, never more than
        the balance.
        """
        Line = self.env["volunteer.point.line"].sudo()
        today = today or fields.Date.context_today(self)
        earn_kinds = ("earn", "bonus")
        use_kinds = ("spend", "expire")
        due = dict(
            Line._read_group(
                [
                    ("expiry_date", "<=", today),
                    "|",
                    ("kind", "in", earn_kinds),
                    ("reversed_kind", "in", earn_kinds),
                ],
                ["profile_id"],
                ["points:sum"],
            )
        )
        if not due:
            return Line
        profiles = self.browse([profile.id for profile in due])
        used = dict(
            Line._read_group(
                [
                    ("profile_id", "in", profiles.ids),
                    "|",
                    ("kind", "in", use_kinds),
                    ("reversed_kind", "in", use_kinds),
                ],
                ["profile_id"],
                ["points:sum"],
            )
        )
        vals_list = []
        for profile in profiles.sudo():
            amount = min(due.get(profile, 0) + used.get(profile, 0), profile.points_balance)
            if amount > 0:
                vals_list.append(
                    {
                        "profile_id": profile.id,
                        "kind": "expire",
                        "points": -amount,
                        "name": self.env._("Points expired on %(date)s", date=today),
                    }
                )
        return Line._post(vals_list) if vals_list else Line
