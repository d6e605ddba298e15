from odoo import fields, models


class CommunityDepartment(models.Model):
    """A government department (职能部门) that the street summons to handle an
    event ("街道吹哨、部门报到")."""

    _name = "community.department"
    _description = "Department"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    area_id = fields.Many2one(
        "community.area",
        string="Serves",
        index=True,
        ondelete="restrict",
        help="The street or district this department serves; empty: everywhere.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "community_department_member_rel",
        "department_id",
        "user_id",
        string="Members",
        domain="[('share', '=', False)]",
        help="Users who answer the tasks summoned to this department.",
    )
    active = fields.Boolean(default=True)


class CommunityEventCategory(models.Model):
    """What an event is about, with who handles it and how fast."""

    _name = "community.event.category"
    _description = "Event Category"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    department_id = fields.Many2one(
        "community.department",
        string="Default Department",
        help="The department summoned by default when an event of this category "
        "is escalated to the street.",
    )
    sla_amount = fields.Float(
        string="Deadline", default=3.0, help="Time allowed to handle an event, in working time."
    )
    sla_unit = fields.Selection(
        [("hours", "Working Hours"), ("days", "Working Days")],
        string="Unit",
        default="days",
        required=True,
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("sla_positive", "CHECK(sla_amount > 0)", "The deadline of a category must be positive."),
    ]

    def _sla_hours(self, calendar):
        """The allowed time in working hours of ``calendar``."""
        self.ensure_one()
        if self.sla_unit == "days":
            return self.sla_amount * (calendar.hours_per_day or 8.0)
        return self.sla_amount
