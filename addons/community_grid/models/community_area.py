from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import related_action

# Rank of each kind of territory unit in the tree: a unit's parent is one rank up.
AREA_RANK = {
    "district": 0,
    "street": 1,
    "town": 1,
    "community": 2,
    "village": 2,
    "estate": 3,
}


class CommunityArea(models.Model):
    """A unit of territory: district 区, street 街道 / town 镇, community 社区 /
    village 村, estate 小区. Everything in the platform hangs on this tree."""

    _name = "community.area"
    _description = "Territory Area"
    _inherit = ["mail.thread"]
    _parent_name = "parent_id"
    _parent_store = True
    _order = "complete_name, id"
    _rec_name = "complete_name"

    name = fields.Char(required=True, tracking=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True, index=True
    )
    code = fields.Char(
        index=True,
        copy=False,
        help="Administrative division code or any code unique in the platform.",
    )
    area_type = fields.Selection(
        [
            ("district", "District"),
            ("street", "Street"),
            ("town", "Town"),
            ("community", "Community"),
            ("village", "Village"),
            ("estate", "Residential Estate"),
        ],
        string="Type",
        required=True,
        index=True,
        tracking=True,
    )
    parent_id = fields.Many2one(
        "community.area",
        string="Parent Area",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    in_my_territory = fields.Boolean(
        compute="_compute_in_my_territory",
        search="_search_in_my_territory",
        help="The area lies in (or is) one of the current user's work areas; "
        "administrators have the whole territory. Reports on areas filter on it.",
    )
    child_ids = fields.One2many("community.area", "parent_id", string="Sub-areas")
    child_count = fields.Integer(compute="_compute_child_count", string="Sub-area Count")
    district_id = fields.Many2one(
        "community.area",
        compute="_compute_level_ids",
        store=True,
        recursive=True,
        index=True,
    )
    street_id = fields.Many2one(
        "community.area",
        compute="_compute_level_ids",
        store=True,
        recursive=True,
        index=True,
        string="Street / Town",
    )
    community_id = fields.Many2one(
        "community.area",
        compute="_compute_level_ids",
        store=True,
        recursive=True,
        index=True,
        string="Community / Village",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    note = fields.Text()

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another area already has this code."),
    ]

    def _my_territory_domain(self):
        user = self.env.user
        if user.has_group("community_grid.group_admin") or user._is_superuser():
            return []
        return [("id", "child_of", user.community_area_ids.ids)]

    def _compute_in_my_territory(self):
        mine = self.search([*self._my_territory_domain(), ("id", "in", self.ids)])
        for area in self:
            area.in_my_territory = area in mine

    def _search_in_my_territory(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(self.env._("Unsupported search on the territory."))
        domain = self._my_territory_domain() or [(1, "=", 1)]
        if (operator == "=") == bool(value):
            return domain
        return ["!", *domain]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for area in self:
            if area.parent_id:
                area.complete_name = f"{area.parent_id.complete_name} / {area.name}"
            else:
                area.complete_name = area.name

    def _compute_child_count(self):
        counts = dict(
            self.env["community.area"]._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for area in self:
            area.child_count = counts.get(area, 0)

    @api.depends(
        "area_type",
        "parent_id.district_id",
        "parent_id.street_id",
        "parent_id.community_id",
    )
    def _compute_level_ids(self):
        for area in self:
            parent = area.parent_id
            area.district_id = area if area.area_type == "district" else parent.district_id
            area.street_id = area if area.area_type in ("street", "town") else parent.street_id
            area.community_id = (
                area if area.area_type in ("community", "village") else parent.community_id
            )

    @api.constrains("parent_id", "area_type")
    def _check_parent_type(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An area cannot be placed below itself."))
        labels = dict(self._fields["area_type"]._description_selection(self.env))
        for area in self:
            parent = area.parent_id
            if parent and AREA_RANK[parent.area_type] != AREA_RANK[area.area_type] - 1:
                raise ValidationError(
                    self.env._(
                        "A %(child)s cannot lie directly in a %(parent)s (%(name)s). "
                        "The tree is: district → street or town → community or "
                        "village → residential estate; choose a parent one level up.",
                        child=labels[area.area_type],
                        parent=labels[parent.area_type],
                        name=parent.complete_name,
                    )
                )
        for child in self.child_ids:
            if AREA_RANK[child.area_type] != AREA_RANK[child.parent_id.area_type] + 1:
                raise ValidationError(
                    self.env._(
                        "%(name)s has sub-areas that would no longer fit below it; "
                        "move them first.",
                        name=child.parent_id.complete_name,
                    )
                )

    def action_view_children(self):
        return related_action(self, "community_grid.community_area_action", "parent_id")
