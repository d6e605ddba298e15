from odoo import fields, models


class VolunteerSkill(models.Model):
    """A skill volunteers offer and activities ask for (e.g. first aid)."""

    _name = "volunteer.skill"
    _description = "Volunteer Skill"
    _order = "name, id"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [
        ("name_uniq", "unique(name)", "This skill already exists."),
    ]
