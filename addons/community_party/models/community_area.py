from odoo import fields, models


class CommunityArea(models.Model):
    _inherit = "community.area"

    party_organization_ids = fields.One2many(
        "party.organization", "area_id", string="Party Organisations"
    )
    has_party_organization = fields.Boolean(
        compute="_compute_has_party_organization",
        search="_search_has_party_organization",
        string="Has Party Organisation",
        help="Party organisation coverage: an organisation is built on this unit (建到小区).",
    )
    last_deliberation_date = fields.Datetime(
        compute="_compute_meeting_frequency", string="Last Residents' Deliberation"
    )
    last_joint_meeting_date = fields.Datetime(
        compute="_compute_meeting_frequency", string="Last Party Joint Meeting"
    )
    meeting_frequency_ok = fields.Boolean(
        compute="_compute_meeting_frequency",
        search="_search_meeting_frequency_ok",
        string="Meets Often Enough",
        help="A residents' deliberation in the last month and a party joint meeting in the "
        "last quarter.",
    )

    def _compute_has_party_organization(self):
        covered = {
            area.id
            for [area] in self.env["party.organization"]._read_group(
                [("area_id", "in", self.ids)], ["area_id"]
            )
        }
        for area in self:
            area.has_party_organization = area.id in covered

    def _search_has_party_organization(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(self.env._("Unsupported search on party coverage."))
        positive = (operator == "=") == bool(value)
        return [("party_organization_ids", "!=" if positive else "=", False)]

    def _meeting_dates(self, community_ids):
        """{(community_id, meeting_type): last date} of held meetings."""
        groups = (
            self.env["community.meeting"]
            .sudo()
            ._read_group(
                [("community_id", "in", community_ids), ("state", "=", "done")],
                ["community_id", "meeting_type"],
                ["date:max"],
            )
        )
        return {(community.id, mtype): date for community, mtype, date in groups}

    def _frequency_limits(self):
        now = fields.Datetime.now()
        return {
            "deliberation": fields.Datetime.subtract(now, days=31),
            "joint": fields.Datetime.subtract(now, days=92),
        }

    def _compute_meeting_frequency(self):
        dates = self._meeting_dates(self.ids)
        limits = self._frequency_limits()
        for area in self:
            deliberation = dates.get((area.id, "deliberation"))
            joint = dates.get((area.id, "joint"))
            area.last_deliberation_date = deliberation
            area.last_joint_meeting_date = joint
            area.meeting_frequency_ok = bool(
                deliberation
                and deliberation >= limits["deliberation"]
                and joint
                and joint >= limits["joint"]
            )

    def _search_meeting_frequency_ok(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(self.env._("Unsupported search on meeting frequency."))
        limits = self._frequency_limits()
        Meeting = self.env["community.meeting"].sudo()
        deliberating = Meeting._read_group(
            [
                ("state", "=", "done"),
                ("meeting_type", "=", "deliberation"),
                ("date", ">=", limits["deliberation"]),
            ],
            ["community_id"],
        )
        joint = Meeting._read_group(
            [
                ("state", "=", "done"),
                ("meeting_type", "=", "joint"),
                ("date", ">=", limits["joint"]),
            ],
            ["community_id"],
        )
        ok_ids = list({c.id for [c] in deliberating} & {c.id for [c] in joint})
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ok_ids)]


class CommunityGrid(models.Model):
    _inherit = "community.grid"

    party_organization_ids = fields.One2many(
        "party.organization", "grid_id", string="Party Organisations"
    )
    has_party_organization = fields.Boolean(
        compute="_compute_has_party_organization",
        search="_search_has_party_organization",
        string="Has Party Organisation",
    )

    def _compute_has_party_organization(self):
        covered = {
            grid.id
            for [grid] in self.env["party.organization"]._read_group(
                [("grid_id", "in", self.ids)], ["grid_id"]
            )
        }
        for grid in self:
            grid.has_party_organization = grid.id in covered

    def _search_has_party_organization(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(self.env._("Unsupported search on party coverage."))
        positive = (operator == "=") == bool(value)
        return [("party_organization_ids", "!=" if positive else "=", False)]
