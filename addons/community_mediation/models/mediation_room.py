from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MediationRoom(models.Model):
    """A mediation room (调解室) of a community or street, or the personal
    mediation workroom (个人调解工作室) of a mediation instructor."""

    _name = "mediation.room"
    _description = "Mediation Room"
    _order = "area_id, room_type, name, id"

    name = fields.Char(required=True, translate=False)
    room_type = fields.Selection(
        [("room", "Mediation Room"), ("workroom", "Personal Workroom")],
        string="Type",
        required=True,
        default="room",
        index=True,
    )
    area_id = fields.Many2one(
        "community.area",
        string="Territory",
        required=True,
        index=True,
        ondelete="restrict",
        help="The community, street or district the room belongs to.",
    )
    community_id = fields.Many2one(related="area_id.community_id", store=True, index=True)
    street_id = fields.Many2one(related="area_id.street_id", store=True, index=True)
    mediator_id = fields.Many2one(
        "mediation.mediator",
        string="Workroom Holder",
        index=True,
        ondelete="restrict",
        help="The instructor whose personal workroom this is.",
    )
    address = fields.Char()
    capacity = fields.Integer(default=6)
    session_ids = fields.One2many("mediation.session", "room_id", string="Sessions")
    active = fields.Boolean(default=True)

    @api.constrains("room_type", "mediator_id")
    def _check_workroom_holder(self):
        for room in self:
            if room.room_type == "workroom" and not room.mediator_id:
                raise ValidationError(
                    self.env._(
                        "The personal workroom %(room)s needs its holder: choose the "
                        "mediation instructor who runs it.",
                        room=room.name,
                    )
                )
