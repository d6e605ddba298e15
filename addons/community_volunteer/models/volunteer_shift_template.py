from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.res_partner import _tz_get

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


def float_to_time(hours):
    """9.5 → 09:30."""
    minutes = round(hours * 60)
    return time(minutes // 60 % 24, minutes % 60)


class VolunteerShiftTemplate(models.Model):
    """A recurring service (e.g. every Saturday 9:00 at the elderly canteen) that
    generates one published activity per week, some weeks ahead."""

    _name = "volunteer.shift.template"
    _description = "Volunteer Shift Template"
    _order = "team_id, weekday, hour_start, id"

    name = fields.Char(required=True)
    team_id = fields.Many2one("volunteer.team", required=True, index=True, ondelete="cascade")
    leader_id = fields.Many2one(related="team_id.leader_id", store=True, index=True)
    area_id = fields.Many2one(
        "community.area",
        string="Where",
        compute="_compute_area_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        ondelete="restrict",
    )
    community_id = fields.Many2one(related="area_id.community_id", store=True, index=True)
    place = fields.Char()
    weekday = fields.Selection(WEEKDAYS, required=True, default="5")
    hour_start = fields.Float(string="Starts at", required=True, default=9.0)
    duration = fields.Float(string="Duration (hours)", required=True, default=2.0)
    tz = fields.Selection(
        _tz_get,
        string="Timezone",
        required=True,
        default=lambda self: self.env.user.tz or "Asia/Shanghai",
    )
    capacity = fields.Integer()
    points_per_hour = fields.Float(
        compute="_compute_points_per_hour", store=True, readonly=False, precompute=True
    )
    weeks_ahead = fields.Integer(default=4, help="How many weeks of shifts are published ahead.")
    description = fields.Text()
    activity_ids = fields.One2many("volunteer.activity", "template_id", string="Shifts")
    active = fields.Boolean(default=True)

    @api.depends("team_id")
    def _compute_area_id(self):
        for template in self:
            if not template.area_id:
                template.area_id = template.team_id.area_id

    @api.depends("team_id")
    def _compute_points_per_hour(self):
        for template in self:
            if not template.points_per_hour:
                template.points_per_hour = template.team_id.points_per_hour

    @api.constrains("hour_start", "duration", "weeks_ahead", "capacity")
    def _check_numbers(self):
        for template in self:
            if not 0 <= template.hour_start < 24 or not 0 < template.duration <= 24:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the start is an hour of the day and the shift lasts between "
                        "a few minutes and 24 hours.",
                        name=template.name,
                    )
                )
            if template.weeks_ahead < 1 or template.weeks_ahead > 52 or template.capacity < 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: publish between 1 and 52 weeks ahead, with a capacity of 0 "
                        "or more.",
                        name=template.name,
                    )
                )

    def _next_starts(self, today):
        """UTC start datetimes of the shifts in the coming weeks_ahead weeks."""
        self.ensure_one()
        tz = pytz.timezone(self.tz)
        weekday = int(self.weekday)
        first = today + timedelta(days=(weekday - today.weekday()) % 7)
        starts = []
        for week in range(self.weeks_ahead):
            day = first + timedelta(weeks=week)
            local = tz.localize(datetime.combine(day, float_to_time(self.hour_start)))
            starts.append(local.astimezone(pytz.utc).replace(tzinfo=None))
        return starts

    def action_generate_shifts(self):
        """Create the missing published shifts of the coming weeks."""
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        Activity = self.env["volunteer.activity"]
        existing = {
            (activity.template_id.id, activity.date_start)
            for activity in Activity.sudo().search([("template_id", "in", self.ids)])
        }
        vals_list = []
        for template in self:
            for start in template._next_starts(today):
                if start <= now or (template.id, start) in existing:
                    continue
                vals_list.append(
                    {
                        "name": template.name,
                        "team_id": template.team_id.id,
                        "area_id": template.area_id.id,
                        "place": template.place,
                        "date_start": start,
                        "date_end": start + timedelta(hours=template.duration),
                        "capacity": template.capacity,
                        "points_per_hour": template.points_per_hour,
                        "description": template.description,
                        "template_id": template.id,
                        "state": "published",
                    }
                )
        return Activity.create(vals_list)

    @api.model
    def _cron_generate_shifts(self):
        return self.sudo().search([]).action_generate_shifts()
