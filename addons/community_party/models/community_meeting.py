from odoo import api, fields, models
from odoo.exceptions import UserError

MEETING_TYPES = [
    ("joint", "Party Joint Meeting"),
    ("deliberation", "Residents' Deliberation"),
    ("council", "Party–Resident Council"),
]


class CommunityMeeting(models.Model):
    """A meeting: 党建联席会议 (at least quarterly), 居民议事会 (at least
    monthly) or 党群议事会."""

    _name = "community.meeting"
    _description = "Community Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, tracking=True)
    meeting_type = fields.Selection(
        MEETING_TYPES, string="Type", required=True, default="deliberation", index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True, tracking=True)
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', 'in', ('community', 'village'))]",
        tracking=True,
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    organization_id = fields.Many2one("party.organization", string="Party Organisation", index=True)
    location = fields.Char()
    attendee_user_ids = fields.Many2many(
        "res.users",
        "community_meeting_user_rel",
        "meeting_id",
        "user_id",
        string="Staff Attending",
        domain="[('share', '=', False)]",
    )
    attendee_partner_ids = fields.Many2many(
        "res.partner",
        "community_meeting_partner_rel",
        "meeting_id",
        "partner_id",
        string="Residents Attending",
    )
    attendee_count = fields.Integer(compute="_compute_attendee_count", string="Attendees")
    topic_ids = fields.One2many("community.topic", "meeting_id", string="Agenda")
    minutes = fields.Html()
    resolution_ids = fields.One2many(
        "community.meeting.resolution", "meeting_id", string="Resolutions"
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Held"), ("cancelled", "Cancelled")],
        string="Status",
        required=True,
        default="planned",
        index=True,
        tracking=True,
        readonly=True,
    )

    @api.depends("attendee_user_ids", "attendee_partner_ids")
    def _compute_attendee_count(self):
        for meeting in self:
            meeting.attendee_count = len(meeting.attendee_user_ids) + len(
                meeting.attendee_partner_ids
            )

    def action_done(self):
        for meeting in self:
            if not meeting.minutes:
                raise UserError(
                    self.env._(
                        "Write the minutes of %(name)s before marking it as held.",
                        name=meeting.name,
                    )
                )
        self.state = "done"
        self.topic_ids.filtered(lambda t: t.state == "scheduled").state = "discussed"

    def action_cancel(self):
        self.state = "cancelled"

    def action_plan(self):
        self.state = "planned"


class CommunityMeetingResolution(models.Model):
    """A resolution of a meeting, owned by someone until a deadline (followed
    up as an activity)."""

    _name = "community.meeting.resolution"
    _description = "Meeting Resolution"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id"

    name = fields.Char(string="Resolution", required=True)
    meeting_id = fields.Many2one("community.meeting", required=True, index=True, ondelete="cascade")
    community_id = fields.Many2one(related="meeting_id.community_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, domain="[('share', '=', False)]"
    )
    date_deadline = fields.Date(string="Deadline", required=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done")],
        string="Status",
        required=True,
        default="open",
        tracking=True,
        readonly=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        resolutions = super().create(vals_list)
        for resolution in resolutions:
            resolution.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=resolution.date_deadline,
                summary=resolution.name,
                user_id=resolution.user_id.id,
            )
        return resolutions

    def action_done(self):
        self.state = "done"
        self.activity_feedback(["mail.mail_activity_data_todo"])
