from odoo import api, fields, models

from odoo.addons.community_grid.models.community_guard import trusted


class CommunityMicroproject(models.Model):
    _name = "community.microproject"
    _inherit = ["community.microproject", "governance.code.mixin"]
    _rec_names_search = ["name", "governance_code"]

    topic_id = fields.Many2one(
        "community.topic",
        string="Deliberation Topic",
        readonly=True,
        copy=False,
        index=True,
        ondelete="set null",
    )

    def _governance_chain_paths(self):
        return ["topic_id.source_event_ids.governance_code"]

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        with trusted():
            for project in projects:
                # a topic's action sets the topic's code right after creation
                project.sudo().governance_code = (
                    self.env["ir.sequence"].sudo().next_by_code("community.governance.code")
                )
        return projects

    def action_publish_result(self):
        """The result notice of the vote closes the topic, whose events get
        the notice as their answer."""
        res = super().action_publish_result()
        for project in self.filtered("topic_id"):
            topic = project.topic_id.sudo()
            if topic.state != "project":
                continue
            winner = project.winner_choice_id.name
            outcome = project.result_note or (
                self.env._(
                    "Residents chose %(option)s for the micro-project %(project)s.",
                    option=winner,
                    project=project.name,
                )
                if winner
                else self.env._(
                    "The vote on the micro-project %(project)s chose no option.",
                    project=project.name,
                )
            )
            with trusted():
                topic.write({"outcome": outcome})
            topic.action_conclude()
        return res
