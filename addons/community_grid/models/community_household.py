from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CommunityHouseholdTag(models.Model):
    _name = "community.household.tag"
    _description = "Household or Resident Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [("name_uniq", "unique(name)", "This tag already exists.")]


class CommunityHousehold(models.Model):
    """A household (户): the residents living at one address of a building."""

    _name = "community.household"
    _description = "Household"
    _inherit = ["mail.thread"]
    _order = "building_id, entrance_id, room, id"

    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    building_id = fields.Many2one(
        "community.building", required=True, index=True, ondelete="restrict", tracking=True
    )
    entrance_id = fields.Many2one(
        "community.building.entrance",
        index=True,
        domain="[('building_id', '=', building_id)]",
    )
    room = fields.Char(required=True, tracking=True, help="e.g. 502")
    grid_id = fields.Many2one(related="building_id.grid_id", store=True, index=True)
    estate_id = fields.Many2one(related="building_id.estate_id", store=True, index=True)
    community_id = fields.Many2one(
        related="building_id.community_id", store=True, index=True, string="Community"
    )
    street_id = fields.Many2one(related="building_id.street_id", store=True, index=True)
    member_ids = fields.One2many("res.partner", "household_id", string="Members")
    member_count = fields.Integer(compute="_compute_member_count", store=True)
    householder_id = fields.Many2one(
        "res.partner",
        compute="_compute_householder_id",
        store=True,
        index=True,
        help="The member whose relation to the householder is 'Householder'.",
    )
    tag_ids = fields.Many2many(
        "community.household.tag",
        "community_household_tag_rel",
        "household_id",
        "tag_id",
        string="Tags",
    )
    phone = fields.Char()
    note = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "address_uniq",
            "unique(building_id, entrance_id, room)",
            "This address is already registered as a household.",
        ),
    ]

    @api.depends("building_id.name", "building_id.estate_id.name", "entrance_id.name", "room")
    def _compute_name(self):
        for household in self:
            parts = [
                household.building_id.estate_id.name,
                household.building_id.name,
                household.entrance_id.name,
                household.room,
            ]
            household.name = "".join(p for p in parts if p)

    @api.depends("member_ids")
    def _compute_member_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("household_id", "in", self.ids)], ["household_id"], ["__count"]
            )
        )
        for household in self:
            household.member_count = counts.get(household, 0)

    @api.depends("member_ids.household_relation")
    def _compute_householder_id(self):
        for household in self:
            heads = household.member_ids.filtered(lambda m: m.household_relation == "self")
            household.householder_id = heads[:1]

    @api.constrains("entrance_id", "building_id")
    def _check_entrance(self):
        for household in self:
            if household.entrance_id and household.entrance_id.building_id != household.building_id:
                raise ValidationError(
                    self.env._(
                        "Entrance %(entrance)s is not an entrance of %(building)s.",
                        entrance=household.entrance_id.name,
                        building=household.building_id.display_name,
                    )
                )
