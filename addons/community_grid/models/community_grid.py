import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Seed 001, item 14: one grid leader per grid, one grid worker per 150
# resident households.
HOUSEHOLDS_PER_WORKER = 150


class CommunityGrid(models.Model):
    """A grid (网格): a part of one community, looked after by a grid leader
    and grid workers."""

    _name = "community.grid"
    _description = "Grid"
    _inherit = ["mail.thread"]
    _order = "community_id, code, name, id"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(index=True, copy=False)
    community_id = fields.Many2one(
        "community.area",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('area_type', 'in', ('community', 'village'))]",
    )
    street_id = fields.Many2one(related="community_id.street_id", store=True, index=True)
    leader_id = fields.Many2one(
        "res.users",
        string="Grid Leader",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    worker_ids = fields.Many2many(
        "res.users",
        "community_grid_worker_rel",
        "grid_id",
        "user_id",
        string="Grid Workers",
        domain="[('share', '=', False)]",
    )
    building_ids = fields.One2many("community.building", "grid_id", string="Buildings")
    household_ids = fields.One2many("community.household", "grid_id", string="Households")
    household_count = fields.Integer(compute="_compute_household_count", store=True)
    worker_count = fields.Integer(compute="_compute_staffing", store=True)
    workers_needed = fields.Integer(
        compute="_compute_staffing",
        store=True,
        help="One grid worker per 150 resident households (rounded up).",
    )
    staffing_status = fields.Selection(
        [
            ("ok", "Staffed"),
            ("no_leader", "No Grid Leader"),
            ("understaffed", "Too Few Grid Workers"),
        ],
        compute="_compute_staffing",
        store=True,
        index=True,
    )
    households_per_worker = fields.Float(
        compute="_compute_staffing", store=True, aggregator="avg", digits=(16, 1)
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(community_id, code)", "Grid codes are unique within a community."),
    ]

    @api.depends("household_ids")
    def _compute_household_count(self):
        counts = dict(
            self.env["community.household"]._read_group(
                [("grid_id", "in", self.ids)], ["grid_id"], ["__count"]
            )
        )
        for grid in self:
            grid.household_count = counts.get(grid, 0)

    @api.depends("household_count", "worker_ids", "leader_id")
    def _compute_staffing(self):
        for grid in self:
            grid.worker_count = len(grid.worker_ids)
            grid.workers_needed = math.ceil(grid.household_count / HOUSEHOLDS_PER_WORKER)
            grid.households_per_worker = (
                grid.household_count / grid.worker_count if grid.worker_count else 0.0
            )
            if not grid.leader_id:
                grid.staffing_status = "no_leader"
            elif grid.worker_count < grid.workers_needed:
                grid.staffing_status = "understaffed"
            else:
                grid.staffing_status = "ok"

    @api.depends("name", "community_id.name")
    def _compute_display_name(self):
        for grid in self:
            grid.display_name = (
                f"{grid.community_id.name} / {grid.name}" if grid.community_id else grid.name
            )

    @api.constrains("community_id")
    def _check_community(self):
        for grid in self:
            if grid.community_id.area_type not in ("community", "village"):
                raise ValidationError(
                    self.env._(
                        "A grid divides one community or village; %(area)s is neither.",
                        area=grid.community_id.complete_name,
                    )
                )
