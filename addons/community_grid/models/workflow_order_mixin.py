from odoo import models
from odoo.models import regex_order
from odoo.tools import SQL


class CommunityWorkflowOrderMixin(models.AbstractModel):
    """Groups by a workflow selection (``state``) come in the order of the
    workflow, not in the alphabetical order of the technical keys: kanban
    columns, pivot headers and graph bars read as a record's life
    (new … closed, draft … done)."""

    _name = "community.workflow.order.mixin"
    _description = "Workflow Order of Groups"
    _workflow_order_fields = ("state",)

    def _read_group_orderby(self, order, groupby_terms, query):
        fnames = [fname for fname in self._workflow_order_fields if fname in groupby_terms]
        if not fnames:
            return super()._read_group_orderby(order, groupby_terms, query)
        terms = []
        for part in (order or ",".join(groupby_terms)).split(","):
            match = regex_order.match(part)
            term = match and match["term"]
            if term in fnames:
                keys = [key for key, _label in self._fields[term]._description_selection(self.env)]
                direction = SQL("DESC") if (match["direction"] or "").upper() == "DESC" else SQL()
                terms.append(
                    SQL(
                        "array_position(%s::varchar[], %s::varchar) %s",
                        keys,
                        groupby_terms[term],
                        direction,
                    )
                )
            else:
                terms.append(super()._read_group_orderby(part, groupby_terms, query))
        return SQL(", ").join(terms)
