from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CommunityBuilding(models.Model):
    """A building (楼栋) of an estate; it lies in exactly one grid."""

    _name = "community.building"
    _description = "Building"
    _order = "estate_id, sequence, name, id"

    name = fields.Char(required=True, help="e.g. 3栋")
    sequence = fields.Integer(default=10)
    estate_id = fields.Many2one(
        "community.area",
        string="Estate",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', '=', 'estate')]",
    )
    community_id = fields.Many2one(
        related="estate_id.community_id", store=True, index=True, string="Community"
    )
    street_id = fields.Many2one(related="estate_id.street_id", store=True, index=True)
    grid_id = fields.Many2one(
        "community.grid", required=True, index=True, ondelete="restrict"
    )
    entrance_ids = fields.One2many("community.building.entrance", "building_id", string="Entrances")
    household_ids = fields.One2many("community.household", "building_id", string="Households")
    household_count = fields.Integer(compute="_compute_household_count")
    floors = fields.Integer()
    head_id = fields.Many2one(
        "res.partner", string="Building Head", index=True, help="楼长: the resident who heads the building."
    )
    has_head = fields.Boolean(
        string="Has a Building Head", compute="_compute_has_head", store=True, index=True
    )
    lane_id = fields.Many2one("community.lane", string="Lane / Street", index=True)
    active = fields.Boolean(default=True)

    @api.depends("head_id")
    def _compute_has_head(self):
        for building in self:
            building.has_head = bool(building.head_id)

    def _compute_household_count(self):
        counts = dict(
            self.env["community.household"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.household_count = counts.get(building, 0)

    @api.depends("name", "estate_id.name")
    def _compute_display_name(self):
        for building in self:
            building.display_name = f"{building.estate_id.name}{building.name}"

    @api.constrains("grid_id", "estate_id")
    def _check_grid_in_community(self):
        for building in self:
            if building.grid_id.community_id != building.estate_id.community_id:
                raise ValidationError(
                    self.env._(
                        "Building %(building)s lies in %(community)s but grid %(grid)s belongs "
                        "to %(grid_community)s: choose a grid of the building's community.",
                        building=building.display_name,
                        community=building.estate_id.community_id.name,
                        grid=building.grid_id.name,
                        grid_community=building.grid_id.community_id.name,
                    )
                )


class CommunityBuildingEntrance(models.Model):
    """An entrance (单元) of a building."""

    _name = "community.building.entrance"
    _description = "Building Entrance"
    _order = "building_id, sequence, name, id"

    name = fields.Char(required=True, help="e.g. 2单元")
    sequence = fields.Integer(default=10)
    building_id = fields.Many2one(
        "community.building", required=True, index=True, ondelete="cascade"
    )

    _sql_constraints = [
        ("name_uniq", "unique(building_id, name)", "This building already has an entrance of that name."),
    ]


class CommunityLane(models.Model):
    """A lane (巷) or street (街) of a community, with its head: 三长制."""

    _name = "community.lane"
    _description = "Lane or Street"
    _order = "community_id, name, id"

    name = fields.Char(required=True)
    lane_type = fields.Selection(
        [("lane", "Lane"), ("street", "Street")], string="Type", required=True, default="lane"
    )
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('area_type', 'in', ('community', 'village'))]",
    )
    head_id = fields.Many2one(
        "res.partner", string="Head", index=True, help="巷长 or 街长: the resident who heads it."
    )
    building_ids = fields.One2many("community.building", "lane_id", string="Buildings")
    active = fields.Boolean(default=True)
