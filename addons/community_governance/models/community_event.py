from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.community_grid.models.community_event import OPEN_STATES
from odoo.addons.community_grid.models.community_guard import trusted

# States in which the event is no longer the grid's: its clock is stopped,
# the supervision cron and the on-time figures leave it alone.
HANDED_OVER_STATES = ("transferred", "referred")
# outcome of a mediation case → outcome of the event it came from
CASE_OUTCOME = {"reached": "resolved", "partial": "partly", "failed": "no_action"}


class CommunityEvent(models.Model):
    _name = "community.event"
    _inherit = ["community.event", "governance.code.mixin"]
    _rec_names_search = ["name", "title", "governance_code"]

    state = fields.Selection(
        selection_add=[
            ("transferred", "Transferred to Mediation"),
            ("referred", "Referred to Deliberation"),
            ("handled",),
        ],
        ondelete={"transferred": "set default", "referred": "set default"},
    )
    sla_state = fields.Selection(selection_add=[("paused", "Clock Stopped")])
    topic_ids = fields.Many2many(
        "community.topic",
        "community_topic_source_event_rel",
        "event_id",
        "topic_id",
        string="Deliberation Topics",
        readonly=True,
        copy=False,
    )
    date_handed_over = fields.Datetime(string="Handed Over on", readonly=True, copy=False)

    def _governance_chain_paths(self):
        return ["topic_ids.governance_code"]

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        with trusted():
            for event in events.filtered(lambda e: not e.governance_code):
                event.sudo().governance_code = event.name
        return events

    def _compute_sla_state(self):  # pylint: disable=missing-return
        super()._compute_sla_state()
        for event in self.filtered(lambda e: e.state in HANDED_OVER_STATES):
            event.sla_state = "paused"
            event.color = 0

    def _search_sla_state(self, operator, value):
        values = {value} if isinstance(value, str) else set(value)
        domain = super()._search_sla_state("in", list(values - {"paused"}) or ["__none__"])
        if "paused" in values:
            domain = expression.OR([domain, [("state", "in", HANDED_OVER_STATES)]])
        if operator in ("!=", "not in"):
            domain = ["!", *domain]
        return domain

    # ------------------------------------------------------------------
    # hand-overs
    # ------------------------------------------------------------------

    def _hand_over(self, state, note):
        """The matter leaves the grid: the clock stops until the answer returns."""
        for event in self:
            if event.state not in OPEN_STATES:
                continue
            pending = event.task_ids.filtered(lambda t: t.state != "answered")
            if pending:
                raise UserError(
                    self.env._(
                        "These departments have not answered %(event)s yet: %(departments)s. "
                        "Hand it over once they have.",
                        event=event.name,
                        departments=", ".join(pending.department_id.mapped("name")),
                    )
                )
            with trusted():
                if not event.sla_paused_at:
                    event._pause_clock()
                event.write(
                    {
                        "state": state,
                        "state_before_wait": False,
                        "date_handed_over": fields.Datetime.now(),
                    }
                )
            event.message_post(body=note)

    def _receive_answer(self, outcome, answer):
        """The answer of the mediation case or of the topic comes back: the
        clock resumes with the time it had left, and the event is handled as
        any other (same on-time definition, same notice to the reporter)."""
        for event in self.filtered(lambda e: e.state in HANDED_OVER_STATES):
            with trusted():
                event.write({"state": "accepted", "outcome": outcome, "answer": answer})
                event._resume_clock()
                event.action_handle()

    def action_create_mediation_case(self):
        res = super().action_create_mediation_case()
        self._hand_over(
            "transferred",
            self.env._("The deadline clock is stopped while the case is in mediation."),
        )
        return res

    def action_refer_to_deliberation(self):
        """议事: refer one or several events to the residents' deliberation as one
        topic. One event: the topic carries its code; several: the topic has a
        code of its own and links the events'."""
        if not self:
            return False
        if not self.env.su and not self.env.user.has_group("community_grid.group_community_staff"):
            raise UserError(self.env._("Only community staff refer events to deliberation."))
        self.check_access("write")
        communities = self.community_id
        if len(communities) > 1:
            raise UserError(
                self.env._("Refer events of one community at a time to a deliberation topic.")
            )
        # an event already in mediation may also go to deliberation (a split)
        wrong = self.filtered(lambda e: e.state not in (*OPEN_STATES, "transferred"))
        if wrong:
            raise UserError(
                self.env._(
                    "Only events still being handled can be referred to deliberation: %(events)s.",
                    events=", ".join(wrong.mapped("name")),
                )
            )
        events = self.sorted("date_reported")
        description = "\n".join(f"{e.name} {e.title}: {e.description}" for e in events)
        topic = (
            self.env["community.topic"]
            .with_context(governance_source_events=events.ids)
            .create(
                {
                    "name": events[0].title,
                    "description": description,
                    "community_id": communities.id,
                }
            )
        )
        with trusted():
            events.write({"topic_ids": [Command.link(topic.id)]})
        events._hand_over(
            "referred",
            self.env._("Referred to deliberation as topic %(topic)s.", topic=topic.governance_code),
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "community.topic",
            "res_id": topic.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    @api.model
    def _demo_governance_chain(self, event_ids, voter_ids):
        """Demo data: walk one event through the whole chain (run as superuser
        by the demo loader only)."""
        if not self.env.su:
            raise UserError(self.env._("The demo chain is built by the demo data only."))
        events = self.browse(event_ids)
        events.action_accept()
        action = events.action_refer_to_deliberation()
        topic = self.env["community.topic"].browse(action["res_id"])
        topic.write({"is_published": True})
        with trusted():
            topic.write({"state": "discussed"})
        topic.outcome = "议事会同意将中心花园座椅改造申报为民生微实事,由居民投票选择方案。"
        action = topic.action_create_microproject()
        project = self.env["community.microproject"].browse(action["res_id"])
        project.write(
            {
                "choice_ids": [
                    Command.create({"name": "方案一:更换防腐木长椅", "sequence": 1}),
                    Command.create({"name": "方案二:加建遮阳休息亭", "sequence": 2}),
                ],
                "vote_date_end": fields.Datetime.add(fields.Datetime.now(), days=7),
                "estimated_cost": 30000,
            }
        )
        project.action_review()
        project.action_open_vote()
        for partner in self.env["res.partner"].browse(voter_ids):
            self.env["community.microproject.vote"].create(
                {
                    "project_id": project.id,
                    "partner_id": partner.id,
                    "choice_ids": [Command.set(project.choice_ids[:1].ids)],
                }
            )
        project.result_note = "居民投票选定方案一:更换防腐木长椅,社区将于下月施工。"
        project.action_publish_result()
        return True

    # ------------------------------------------------------------------
    # the resident's journey
    # ------------------------------------------------------------------

    def _governance_journey(self, viewer=None):
        """The steps of the matter the reporter may see, in order: dates and
        public outcomes only, never another party's personal data or the
        confidential mediation file. Read as superuser by the portal after
        the event itself was checked; ``viewer`` is the user reading the page
        (the portal reads the event as superuser)."""
        self.ensure_one()
        event = self.sudo()
        steps = [
            {"date": event.date_reported, "label": self.env._("Reported"), "text": event.title}
        ]
        cases = self.env["mediation.case"].sudo().search([("event_id", "=", event.id)])
        states = dict(cases._fields["state"]._description_selection(self.env))
        outcomes = dict(cases._fields["outcome"]._description_selection(self.env))
        for case in cases:
            steps.append(
                {
                    "date": case.date_registered,
                    "label": self.env._("Transferred to mediation"),
                    "text": states[case.state],
                }
            )
            if case.state == "closed" and case.outcome:
                steps.append(
                    {
                        "date": case.date_closed,
                        "label": self.env._("Mediation closed"),
                        "text": outcomes[case.outcome],
                    }
                )
        user = viewer or self.env.user
        for topic in event.topic_ids:
            public = topic.is_published and (
                topic.community_id == user.partner_id.resident_community_id
            )
            steps.append(
                {
                    "date": event.date_handed_over or topic.create_date,
                    "label": self.env._("Referred to deliberation"),
                    "text": topic.name if public else "",
                    "url": topic.access_url if public else False,
                    "code": topic.governance_code,
                }
            )
            for project in topic.microproject_ids:
                visible = project.state in ("voting", "notice", "implementation", "closed")
                steps.append(
                    {
                        "date": project.create_date,
                        "label": self.env._("Became a micro-project"),
                        "text": project.name if visible else "",
                        "url": project.access_url if visible else False,
                        "code": project.governance_code,
                    }
                )
            if topic.state == "concluded":
                steps.append(
                    {
                        "date": topic.date_concluded,
                        "label": self.env._("Deliberation concluded"),
                        "text": topic.outcome if public else "",
                    }
                )
        if event.date_handled:
            steps.append(
                {
                    "date": event.date_handled,
                    "label": self.env._("Answered"),
                    "text": event.answer or "",
                }
            )
        if event.date_closed:
            steps.append({"date": event.date_closed, "label": self.env._("Closed"), "text": ""})
        return sorted(steps, key=lambda s: s["date"] or fields.Datetime.now())
