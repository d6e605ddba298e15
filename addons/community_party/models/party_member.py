from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Annual service hours an in-service member (双报到) owes the community where
# they live, unless the administrator sets community_party.annual_service_hours.
DEFAULT_ANNUAL_HOURS = 50.0


class PartyMember(models.Model):
    """A party member (党员) registered with a party organisation."""

    _name = "party.member"
    _description = "Party Member"

    # set when the record is made, never changed afterwards (community_guard)

    _guard_create_only = ("partner_id",)
    _inherit = ["mail.thread"]
    _order = "organization_id, partner_id, id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    organization_id = fields.Many2one(
        "party.organization", required=True, index=True, ondelete="restrict", tracking=True
    )
    area_id = fields.Many2one(related="organization_id.area_id", store=True, index=True)
    community_id = fields.Many2one(
        related="organization_id.community_id", store=True, index=True, string="Community"
    )
    street_id = fields.Many2one(related="organization_id.street_id", store=True, index=True)
    member_type = fields.Selection(
        [
            ("community", "Community Member"),
            ("in_service", "In-service Member (双报到)"),
            ("floating", "Floating Member"),
            ("retired", "Retired Member"),
        ],
        string="Type",
        required=True,
        default="community",
        index=True,
        tracking=True,
    )
    join_date = fields.Date(string="Joined the Party")
    state = fields.Selection(
        [("active", "Active"), ("transferred", "Transferred Out"), ("inactive", "Inactive")],
        string="Status",
        required=True,
        default="active",
        index=True,
        tracking=True,
        readonly=True,
    )
    employer_id = fields.Many2one(
        "res.partner",
        string="Employer Unit",
        index=True,
        domain="[('is_company', '=', True)]",
        tracking=True,
        help="In-service members: the unit they work for, which registers with the community "
        "where they live (双报到).",
    )
    registration_date = fields.Date(
        string="Registered with Community",
        tracking=True,
        help="Date the in-service member reported to the community where they live.",
    )
    transfer_ids = fields.One2many("party.member.transfer", "member_id", string="Transfers")
    service_log_ids = fields.One2many("party.service.log", "member_id", string="Service Hours")
    service_hours_year = fields.Float(
        compute="_compute_service_hours", string="Hours This Year", digits=(16, 1)
    )
    service_hours_target = fields.Float(
        compute="_compute_service_hours", string="Annual Target", digits=(16, 1)
    )
    service_status = fields.Selection(
        [
            ("met", "Target Met"),
            ("on_track", "On Track"),
            ("behind", "Behind"),
            ("na", "No Target"),
        ],
        compute="_compute_service_hours",
        string="Hours Status",
    )

    _sql_constraints = [
        (
            "partner_uniq",
            "unique(partner_id)",
            "This person is already registered as a party member; transfer them instead.",
        ),
    ]

    @api.model
    def _annual_hours_target(self):
        value = (
            self.env["ir.config_parameter"].sudo().get_param("community_party.annual_service_hours")
        )
        try:
            return float(value) if value else DEFAULT_ANNUAL_HOURS
        except ValueError:
            return DEFAULT_ANNUAL_HOURS

    @api.depends("service_log_ids.hours", "service_log_ids.date", "member_type")
    def _compute_service_hours(self):
        today = fields.Date.context_today(self)
        year_start = today.replace(month=1, day=1)
        hours = dict(
            self.env["party.service.log"]._read_group(
                [("member_id", "in", self.ids), ("date", ">=", year_start), ("date", "<=", today)],
                ["member_id"],
                ["hours:sum"],
            )
        )
        target = self._annual_hours_target()
        # Share of the year elapsed: a member is on track if they have done at
        # least that share of the target.
        elapsed = (today - year_start).days / 365.0
        for member in self:
            done = hours.get(member, 0.0)
            member.service_hours_year = done
            if member.member_type != "in_service":
                member.service_hours_target = 0.0
                member.service_status = "na"
                continue
            member.service_hours_target = target
            if done >= target:
                member.service_status = "met"
            elif done >= target * elapsed:
                member.service_status = "on_track"
            else:
                member.service_status = "behind"

    @api.constrains("member_type", "employer_id")
    def _check_employer(self):
        for member in self:
            if member.member_type == "in_service" and not member.employer_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is an in-service member: enter the employer unit they work for.",
                        name=member.partner_id.name,
                    )
                )

    def write(self, vals):
        if vals.get("organization_id"):
            new_org = self.env["party.organization"].browse(vals["organization_id"])
            transfers = [
                {
                    "member_id": member.id,
                    "from_organization_id": member.organization_id.id,
                    "to_organization_id": new_org.id,
                    "date": fields.Date.context_today(self),
                    "note": self.env.context.get("transfer_note"),
                }
                for member in self
                if member.organization_id != new_org
            ]
            res = super().write(vals)
            self.env["party.member.transfer"].create(transfers)
            return res
        return super().write(vals)

    def action_transfer(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfer Member"),
            "res_model": "party.member.transfer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_member_id": self.id},
        }


class PartyMemberTransfer(models.Model):
    """One move of a member from an organisation to another (组织关系转接)."""

    _name = "party.member.transfer"
    _description = "Party Member Transfer"
    _order = "date desc, id desc"

    member_id = fields.Many2one("party.member", required=True, index=True, ondelete="cascade")
    from_organization_id = fields.Many2one(
        "party.organization", string="From", index=True, ondelete="restrict"
    )
    to_organization_id = fields.Many2one(
        "party.organization", string="To", required=True, index=True, ondelete="restrict"
    )
    area_id = fields.Many2one(related="to_organization_id.area_id", store=True, index=True)
    from_area_id = fields.Many2one(
        related="from_organization_id.area_id", store=True, index=True, string="From Area"
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Char()
