import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.community_grid.models.community_guard import trusted

_logger = logging.getLogger(__name__)


class MediationSession(models.Model):
    """A mediation session (调解会): parties and mediators meet in a room."""

    _name = "mediation.session"
    _description = "Mediation Session"
    _inherit = ["mail.thread"]
    _order = "start desc, id desc"

    case_id = fields.Many2one("mediation.case", required=True, index=True, ondelete="cascade")
    name = fields.Char(compute="_compute_name", store=True)
    room_id = fields.Many2one(
        "mediation.room", required=True, index=True, ondelete="restrict", tracking=True
    )
    start = fields.Datetime(required=True, index=True, tracking=True)
    stop = fields.Datetime(string="End", required=True, index=True, tracking=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Held"), ("cancelled", "Cancelled")],
        string="Status",
        required=True,
        default="planned",
        index=True,
        tracking=True,
        readonly=True,
    )
    attendee_ids = fields.Many2many("res.partner", string="Attendees")
    minutes = fields.Html(help="What the parties said and agreed during the session.")
    community_id = fields.Many2one(related="case_id.community_id", store=True, index=True)
    mediator_id = fields.Many2one(related="case_id.mediator_id", store=True, index=True)
    user_id = fields.Many2one(related="case_id.user_id", store=True, index=True)
    second_user_id = fields.Many2one(related="case_id.second_user_id", store=True, index=True)

    @api.depends("case_id.name", "start")
    def _compute_name(self):
        for session in self:
            when = fields.Datetime.to_string(session.start)[:16] if session.start else ""
            session.name = f"{session.case_id.name or ''} {when}".strip()

    def init(self):
        """A database guard against double booking, besides the Python check:
        no two live sessions of one room may overlap (needs btree_gist)."""
        cr = self.env.cr
        cr.execute(
            "SELECT 1 FROM pg_constraint WHERE conname = 'mediation_session_room_no_overlap'"
        )
        if cr.fetchone():
            return
        try:
            with cr.savepoint():
                cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
                cr.execute(
                    SQL(
                        "ALTER TABLE mediation_session ADD CONSTRAINT "
                        "mediation_session_room_no_overlap EXCLUDE USING gist "
                        "(room_id WITH =, tsrange(start, stop) WITH &&) "
                        "WHERE (state <> 'cancelled')"
                    )
                )
        except Exception as exc:
            _logger.info("mediation: no exclusion constraint on rooms (%s)", exc)

    def _check_booking(self, room_id, start, stop, state, exclude_ids=()):
        """Refuse a session that ends before it starts or that overlaps a live
        session of the same room. Runs before the row is written, so the
        database guard never has to speak."""
        start = fields.Datetime.to_datetime(start)
        stop = fields.Datetime.to_datetime(stop)
        if not (room_id and start and stop):
            return
        if stop <= start:
            raise ValidationError(
                self.env._("A session must end after it starts: correct its end time.")
            )
        if state == "cancelled":
            return
        # Serialise bookings of one room so that two transactions cannot both
        # pass this check.
        self.env.cr.execute(SQL("SELECT id FROM mediation_room WHERE id = %s FOR UPDATE", room_id))
        clash = self.sudo().search(
            [
                ("id", "not in", list(exclude_ids)),
                ("room_id", "=", room_id),
                ("state", "!=", "cancelled"),
                ("start", "<", stop),
                ("stop", ">", start),
            ],
            limit=1,
        )
        if clash:
            raise ValidationError(
                self.env._(
                    "%(room)s is already booked from %(start)s to %(stop)s: choose "
                    "another time or room.",
                    room=clash.room_id.name,
                    start=fields.Datetime.context_timestamp(self, clash.start).strftime(
                        "%Y-%m-%d %H:%M"
                    ),
                    stop=fields.Datetime.context_timestamp(self, clash.stop).strftime("%H:%M"),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_booking(
                vals.get("room_id"),
                vals.get("start"),
                vals.get("stop"),
                vals.get("state", "planned"),
            )
        sessions = super().create(vals_list)
        with trusted():  # the first session starts the mediation of an assigned case
            sessions.case_id.filtered(lambda c: c.state == "assigned").write({"state": "mediating"})
        return sessions

    def write(self, vals):
        if {"room_id", "start", "stop", "state"} & set(vals):
            for session in self:
                self._check_booking(
                    vals.get("room_id", session.room_id.id),
                    vals.get("start", session.start),
                    vals.get("stop", session.stop),
                    vals.get("state", session.state),
                    exclude_ids=self.ids,
                )
        return super().write(vals)

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})
