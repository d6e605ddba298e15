from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Level of each kind of organisation: a child is always at a deeper level.
ORG_RANK = {
    "working_committee": 0,
    "committee": 1,
    "general_branch": 1,
    "branch": 2,
    "group": 3,
}


class PartyOrganization(models.Model):
    """A party organisation (党组织) built on a unit of the territory."""

    _name = "party.organization"
    _description = "Party Organisation"
    _inherit = ["mail.thread"]
    _parent_name = "parent_id"
    _parent_store = True
    _order = "complete_name, id"
    _rec_name = "complete_name"

    name = fields.Char(required=True, tracking=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True, index=True
    )
    org_type = fields.Selection(
        [
            ("working_committee", "Working Committee"),
            ("committee", "Party Committee"),
            ("general_branch", "General Branch"),
            ("branch", "Branch"),
            ("group", "Party Group"),
        ],
        string="Type",
        required=True,
        index=True,
        tracking=True,
    )
    parent_id = fields.Many2one(
        "party.organization",
        string="Parent Organisation",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("party.organization", "parent_id", string="Sub-organisations")
    area_id = fields.Many2one(
        "community.area",
        string="Built On",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The unit of territory this organisation is built on: a street, community, estate …",
    )
    street_id = fields.Many2one(related="area_id.street_id", store=True, index=True)
    community_id = fields.Many2one(related="area_id.community_id", store=True, index=True)
    secretary_id = fields.Many2one("res.partner", tracking=True)
    founded_date = fields.Date(string="Founded On")
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for org in self:
            if org.parent_id:
                org.complete_name = f"{org.parent_id.complete_name} / {org.name}"
            else:
                org.complete_name = org.name

    @api.constrains("parent_id", "org_type", "area_id")
    def _check_tree(self):
        labels = dict(self._fields["org_type"]._description_selection(self.env))
        for org in self:
            parent = org.parent_id
            if not parent:
                if org.org_type == "group":
                    raise ValidationError(
                        self.env._(
                            "A party group must belong to a branch: choose its parent organisation."
                        )
                    )
                continue
            if ORG_RANK[parent.org_type] >= ORG_RANK[org.org_type]:
                raise ValidationError(
                    self.env._(
                        "A %(child)s cannot be placed below a %(parent)s (%(name)s): "
                        "choose a parent organisation of a higher level.",
                        child=labels[org.org_type],
                        parent=labels[parent.org_type],
                        name=parent.complete_name,
                    )
                )
            if not org.area_id.parent_path.startswith(parent.area_id.parent_path):
                raise ValidationError(
                    self.env._(
                        "%(name)s is built on %(area)s, which does not lie within "
                        "%(parent_area)s of its parent organisation.",
                        name=org.name,
                        area=org.area_id.complete_name,
                        parent_area=parent.area_id.complete_name,
                    )
                )
