from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


class GovernanceCodeMixin(models.AbstractModel):
    """One matter, one code (一事一码): the code every record of a matter
    carries, and a search that finds the whole chain from any of its codes."""

    _name = "governance.code.mixin"
    _description = "Governance Code"

    governance_code = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        help="One matter, one code (一事一码): the code every record of the matter carries, "
        "from the first report to the last answer.",
    )
    governance_chain = fields.Char(
        string="Governance Code or Linked Code",
        compute="_compute_governance_chain",
        search="_search_governance_chain",
        help="Searching here finds the records of the matter and of the matters merged into it.",
    )

    def _governance_chain_paths(self):
        """Paths to the codes of the records this one is linked to."""
        return []

    def _compute_governance_chain(self):
        for record in self:
            record.governance_chain = record.governance_code

    @api.model
    def _search_governance_chain(self, operator, value):
        if operator not in ("=", "ilike", "like", "=ilike", "=like"):
            raise UserError(self.env._("Search a governance code with 'contains' or '='."))
        domain = expression.OR(
            [
                [(path, operator, value)]
                for path in ["governance_code", *self._governance_chain_paths()]
            ]
        )
        # the links cross addons whose records the user may not read (a party
        # worker never reads the grid event behind a topic): they are followed
        # as superuser to find ids only; the outer search keeps the user's rules
        return [("id", "in", self.sudo()._search(domain))]
