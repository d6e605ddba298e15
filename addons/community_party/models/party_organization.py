from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Level of each kind of organisation: a child is always at a deeper level
# (党工委 → 党委 → 党总支 → 党支部 → 党小组; a level may be skipped, except that
# a party group is always set up in a branch).
ORG_RANK = {
    "working_committee": 0,
    "committee": 1,
    "general_branch": 2,
    "branch": 3,
    "group": 4,
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
    grid_id = fields.Many2one(
        "community.grid",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="Set when the organisation is built on a grid (网格党支部).",
    )
    building_id = fields.Many2one(
        "community.building",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="Set when the organisation is built on a building (楼栋党小组).",
    )
    street_id = fields.Many2one(related="area_id.street_id", store=True, index=True)
    community_id = fields.Many2one(related="area_id.community_id", store=True, index=True)
    secretary_id = fields.Many2one("res.partner", tracking=True)
    founded_date = fields.Date(string="Founded On")
    position_ids = fields.One2many(
        "party.organization.position", "organization_id", string="Committee Members"
    )
    member_ids = fields.One2many("party.member", "organization_id", string="Members")
    member_count = fields.Integer(compute="_compute_member_count")
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for org in self:
            if org.parent_id:
                org.complete_name = f"{org.parent_id.complete_name} / {org.name}"
            else:
                org.complete_name = org.name

    def _compute_member_count(self):
        counts = dict(
            self.env["party.member"]._read_group(
                [("organization_id", "in", self.ids), ("state", "=", "active")],
                ["organization_id"],
                ["__count"],
            )
        )
        for org in self:
            org.member_count = counts.get(org, 0)

    @api.constrains("parent_id", "org_type", "area_id")
    def _check_tree(self):
        labels = dict(self._fields["org_type"]._description_selection(self.env))
        for org in self:
            parent = org.parent_id
            if org.org_type == "group" and parent.org_type != "branch":
                raise ValidationError(
                    self.env._(
                        "A party group is set up in a party branch: choose a branch as the "
                        "parent organisation of %(name)s.",
                        name=org.name,
                    )
                )
            if not parent:
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

    @api.constrains("area_id", "grid_id", "building_id")
    def _check_grid_building(self):
        for org in self:
            if org.grid_id and org.grid_id.community_id != org.area_id.community_id:
                raise ValidationError(
                    self.env._(
                        "Grid %(grid)s does not belong to %(area)s: choose a grid of the "
                        "community the organisation is built on.",
                        grid=org.grid_id.display_name,
                        area=org.area_id.complete_name,
                    )
                )
            if org.building_id and org.building_id.estate_id != org.area_id:
                raise ValidationError(
                    self.env._(
                        "Building %(building)s does not stand in %(area)s: an organisation "
                        "built on a building is built on its estate.",
                        building=org.building_id.display_name,
                        area=org.area_id.complete_name,
                    )
                )

    @api.onchange("building_id")
    def _onchange_building_id(self):
        if self.building_id:
            self.area_id = self.building_id.estate_id
            self.grid_id = self.building_id.grid_id

    def action_view_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "community_party.party_member_action"
        )
        action["domain"] = [("organization_id", "child_of", self.id)]
        action["context"] = {"default_organization_id": self.id}
        return action


class PartyOrganizationPosition(models.Model):
    """A seat on an organisation's committee (支委/党委委员) for a term."""

    _name = "party.organization.position"
    _description = "Party Committee Position"
    _order = "organization_id, sequence, date_start desc, id"

    sequence = fields.Integer(default=10)
    organization_id = fields.Many2one(
        "party.organization", required=True, index=True, ondelete="cascade"
    )
    area_id = fields.Many2one(related="organization_id.area_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True)
    position = fields.Selection(
        [
            ("secretary", "Secretary"),
            ("deputy_secretary", "Deputy Secretary"),
            ("organisation", "Organisation Committee Member"),
            ("propaganda", "Propaganda Committee Member"),
            ("discipline", "Discipline Committee Member"),
            ("member", "Committee Member"),
        ],
        required=True,
        default="member",
    )
    date_start = fields.Date(string="Term Start")
    date_end = fields.Date(string="Term End")
    is_current = fields.Boolean(compute="_compute_is_current", string="Current")

    @api.depends("date_start", "date_end")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for pos in self:
            pos.is_current = (not pos.date_start or pos.date_start <= today) and (
                not pos.date_end or pos.date_end >= today
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for pos in self:
            if pos.date_start and pos.date_end and pos.date_end < pos.date_start:
                raise ValidationError(
                    self.env._(
                        "The term of %(name)s ends before it starts: correct the dates.",
                        name=pos.partner_id.name,
                    )
                )
