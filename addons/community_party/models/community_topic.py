from odoo import api, fields, models
from odoo.exceptions import UserError


class CommunityTopic(models.Model):
    """A topic for deliberation (议题), proposed by a resident in the portal
    or by staff, put on a meeting's agenda and answered with an outcome."""

    _name = "community.topic"
    _description = "Deliberation Topic"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("partner_id",)
    _inherit = ["mail.thread", "portal.mixin"]
    _order = "create_date desc, id desc"

    name = fields.Char(string="Topic", required=True, tracking=True)
    description = fields.Text()
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', 'in', ('community', 'village'))]",
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Proposed By",
        index=True,
        default=lambda self: self.env.user.partner_id,
    )
    meeting_id = fields.Many2one(
        "community.meeting", index=True, ondelete="set null", tracking=True
    )
    meeting_date = fields.Datetime(related="meeting_id.date", string="Meeting Date")
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("scheduled", "On the Agenda"),
            ("discussed", "Discussed"),
            ("rejected", "Not Taken Up"),
        ],
        string="Status",
        required=True,
        default="proposed",
        index=True,
        tracking=True,
        readonly=True,
    )
    outcome = fields.Text(tracking=True, help="What the meeting decided; residents see it.")
    is_published = fields.Boolean(
        string="Published to Residents",
        index=True,
        tracking=True,
        help="Residents of the community see the topic and its outcome in the portal.",
    )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for topic in self:
            topic.access_url = f"/my/topics/{topic.id}"
        return res

    @api.onchange("meeting_id")
    def _onchange_meeting_id(self):
        if self.meeting_id and self.state == "proposed":
            self.state = "scheduled"

    def action_schedule(self):
        for topic in self:
            if not topic.meeting_id:
                raise UserError(
                    self.env._("Choose the meeting whose agenda %(name)s goes on.", name=topic.name)
                )
        self.state = "scheduled"

    def action_reject(self):
        self.state = "rejected"

    def action_publish(self):
        self.is_published = True

    def action_unpublish(self):
        self.is_published = False
