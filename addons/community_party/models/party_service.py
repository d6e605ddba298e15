from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PartyServiceNeed(models.Model):
    """A need or a post a community publishes for in-service members (需求清单、岗位)."""

    _name = "party.service.need"
    _description = "Community Service Need"
    _inherit = ["mail.thread"]
    _order = "state, date_deadline, id desc"

    name = fields.Char(required=True, tracking=True)
    need_type = fields.Selection(
        [("need", "Need"), ("post", "Post")], string="Type", required=True, default="need"
    )
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', 'in', ('community', 'village'))]",
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    description = fields.Text()
    hours_planned = fields.Float(string="Planned Hours", digits=(16, 1))
    date_deadline = fields.Date(string="Deadline")
    member_ids = fields.Many2many(
        "party.member",
        "party_service_need_member_rel",
        "need_id",
        "member_id",
        string="Claimed By",
    )
    log_ids = fields.One2many("party.service.log", "need_id", string="Service Hours")
    hours_done = fields.Float(compute="_compute_hours_done", digits=(16, 1))
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        string="Status",
        required=True,
        default="open",
        index=True,
        tracking=True,
        readonly=True,
    )

    @api.depends("log_ids.hours")
    def _compute_hours_done(self):
        hours = dict(
            self.env["party.service.log"]._read_group(
                [("need_id", "in", self.ids)], ["need_id"], ["hours:sum"]
            )
        )
        for need in self:
            need.hours_done = hours.get(need, 0.0)

    def action_close(self):
        self.state = "closed"

    def action_reopen(self):
        self.state = "open"


class PartyServiceLog(models.Model):
    """Hours of service an in-service member gave the community (服务时长)."""

    _name = "party.service.log"
    _description = "Party Member Service Hours"

    # free input although the name looks like a figure (community_guard)

    _guard_writable = {
        "hours": "entered by the party worker from the member's service record (audited)"
    }
    _order = "date desc, id desc"

    member_id = fields.Many2one("party.member", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(related="member_id.partner_id", store=True, string="Person")
    employer_id = fields.Many2one(related="member_id.employer_id", store=True, index=True)
    need_id = fields.Many2one("party.service.need", string="Need / Post", index=True)
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        compute="_compute_community_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    hours = fields.Float(required=True, digits=(16, 1))
    note = fields.Char(string="Service")

    @api.depends("need_id", "member_id")
    def _compute_community_id(self):
        for log in self:
            if log.need_id:
                log.community_id = log.need_id.community_id
            elif not log.community_id:
                log.community_id = (
                    log.member_id.partner_id.resident_community_id or log.member_id.community_id
                )

    @api.constrains("hours")
    def _check_hours(self):
        for log in self:
            if log.hours <= 0 or log.hours > 24:
                raise ValidationError(
                    self.env._(
                        "Service hours of %(name)s must lie between 0 and 24 for one day; "
                        "you entered %(hours)s.",
                        name=log.member_id.partner_id.name,
                        hours=log.hours,
                    )
                )
