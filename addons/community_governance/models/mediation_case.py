from odoo import api, models

from odoo.addons.community_grid.models.community_guard import trusted

from .community_event import CASE_OUTCOME


class MediationCase(models.Model):
    _name = "mediation.case"
    _inherit = ["mediation.case", "governance.code.mixin"]
    _rec_names_search = ["name", "subject", "governance_code"]

    def _governance_chain_paths(self):
        return ["event_id.topic_ids.governance_code"]

    @api.model_create_multi
    def create(self, vals_list):
        cases = super().create(vals_list)
        with trusted():
            for case in cases.filtered(lambda c: not c.governance_code):
                case.sudo().governance_code = case.event_id.sudo().governance_code or case.name
        return cases

    def action_close(self):
        res = super().action_close()
        for case in self.filtered("event_id"):
            case._answer_event()
        return res

    def _answer_event(self):
        """The closing outcome goes back to the grid event as its answer: only
        the outcome, never the content of the confidential case file."""
        self.ensure_one()
        labels = dict(self._fields["outcome"]._description_selection(self.env))
        answer = self.env._(
            "Your matter was handled by the people's mediation committee (case %(case)s). "
            "Outcome: %(outcome)s.",
            case=self.name,
            outcome=labels.get(self.outcome, "-"),
        )
        self.event_id.sudo()._receive_answer(CASE_OUTCOME.get(self.outcome, "no_action"), answer)
