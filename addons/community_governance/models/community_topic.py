from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.community_grid.models.community_guard import trusted


class CommunityTopic(models.Model):
    _name = "community.topic"
    _inherit = ["community.topic", "governance.code.mixin"]
    _rec_names_search = ["name", "governance_code"]

    state = fields.Selection(
        selection_add=[("project", "Became a Micro-project"), ("concluded", "Concluded")],
        ondelete={"project": "set default", "concluded": "set default"},
    )
    date_concluded = fields.Datetime(string="Concluded on", readonly=True, copy=False)
    source_event_ids = fields.Many2many(
        "community.event",
        "community_topic_source_event_rel",
        "topic_id",
        "event_id",
        string="Referred Events",
        readonly=True,
        copy=False,
        groups="community_grid.group_community_staff",
    )
    microproject_ids = fields.One2many(
        "community.microproject", "topic_id", string="Micro-projects", readonly=True
    )

    def _governance_chain_paths(self):
        return ["source_event_ids.governance_code"]

    @api.model_create_multi
    def create(self, vals_list):
        topics = super().create(vals_list)
        # set by the event's own action (action_refer_to_deliberation), which
        # checked the events; a context key never grants anything else
        source_ids = self.env.context.get("governance_source_events") or []
        sources = self.env["community.event"].browse(source_ids).exists()
        with trusted():
            for topic in topics.filtered(lambda t: not t.governance_code):
                if len(sources) == 1:
                    code = sources.sudo().governance_code
                else:
                    code = self.env["ir.sequence"].sudo().next_by_code("community.governance.code")
                topic.sudo().governance_code = code
        return topics

    def action_create_microproject(self):
        """The deliberation decided on a micro-project (民生微实事): it carries
        the topic's code, and its result notice will close the topic."""
        self.ensure_one()
        if self.state not in ("scheduled", "discussed"):
            raise UserError(
                self.env._(
                    "Only a topic on the agenda or discussed can become a micro-project: "
                    "%(topic)s is not.",
                    topic=self.name,
                )
            )
        project = self.env["community.microproject"].create(
            {
                "name": self.name,
                "description": self.outcome or self.description,
                "community_id": self.community_id.id,
            }
        )
        with trusted():
            project.write({"topic_id": self.id, "governance_code": self.governance_code})
            self.write({"state": "project"})
        self.message_post(
            body=self.env._("Became the micro-project %(project)s.", project=project.name)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "community.microproject",
            "res_id": project.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_conclude(self):
        """The deliberation is over: its outcome is the answer of the events
        referred to it."""
        for topic in self:
            if topic.state not in ("discussed", "project"):
                raise UserError(
                    self.env._(
                        "%(topic)s has not been discussed yet: it cannot be concluded.",
                        topic=topic.name,
                    )
                )
            if not (topic.outcome or "").strip():
                raise UserError(
                    self.env._(
                        "Write the outcome of %(topic)s before concluding it: the residents "
                        "who reported the matter read it as their answer.",
                        topic=topic.name,
                    )
                )
        self.write({"state": "concluded", "date_concluded": fields.Datetime.now()})
        for topic in self:
            events = topic.sudo().source_event_ids
            events._receive_answer(
                "resolved",
                self.env._(
                    "The residents' deliberation on %(topic)s concluded: %(outcome)s",
                    topic=topic.name,
                    outcome=topic.outcome,
                ),
            )
        return True

    def action_view_microprojects(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "community.microproject",
            "name": self.env._("Micro-projects"),
            "view_mode": "list,form",
            "domain": [("id", "in", self.microproject_ids.ids)],
            "context": {"create": False},
            "views": [(False, "list"), (False, "form")],
        }
