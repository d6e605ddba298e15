from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import GovernanceCase


@tagged("post_install", "-at_install")
class TestGovernanceChain(GovernanceCase):
    """One matter, one code: event → deliberation → micro-project, and event →
    mediation, with the event's clock stopped while it is handed over."""

    def _discuss(self, topic):
        """The meeting discussed the topic (the meeting's own flow)."""
        meeting = self.env["community.meeting"].create(
            {
                "name": "居民议事会",
                "community_id": self.community.id,
                "minutes": "<p>议事记录</p>",
            }
        )
        topic.meeting_id = meeting
        topic.action_schedule()
        meeting.action_done()
        self.assertEqual(topic.state, "discussed")

    def test_event_to_topic_to_microproject_closes_the_chain(self):
        event = self._event()
        code = event.governance_code
        self.assertEqual(code, event.name)
        event.with_user(self.staff).action_accept()
        action = event.with_user(self.staff).action_refer_to_deliberation()
        topic = self.env["community.topic"].browse(action["res_id"])
        self.assertEqual(topic.governance_code, code)
        self.assertEqual(topic.source_event_ids, event)
        self.assertEqual(event.state, "referred")
        self.assertEqual(event.sla_state, "paused")
        self.assertTrue(event.sla_paused_at)
        # the deliberation decides on a micro-project, which carries the code
        self._discuss(topic)
        topic.outcome = "同意申报民生微实事"
        action = topic.with_user(self.party_worker).action_create_microproject()
        project = self.env["community.microproject"].browse(action["res_id"])
        self.assertEqual(project.governance_code, code)
        self.assertEqual(project.topic_id, topic)
        self.assertEqual(topic.state, "project")
        # residents vote
        project.write(
            {
                "choice_ids": [
                    Command.create({"name": "长椅", "sequence": 1}),
                    Command.create({"name": "凉亭", "sequence": 2}),
                ],
                "vote_date_end": fields.Datetime.now() + timedelta(days=3),
            }
        )
        project.action_review()
        project.action_open_vote()
        for resident in (self.resident, self.neighbour):
            self.env["community.microproject.vote"].with_user(resident).create(
                {
                    "project_id": project.id,
                    "choice_ids": [Command.set(project.choice_ids[:1].ids)],
                }
            )
        # the result notice closes the topic, and answers the reporter
        project.result_note = "居民选定长椅方案"
        project.with_user(self.party_worker).action_publish_result()
        self.assertEqual(project.winner_choice_id.name, "长椅")
        self.assertEqual(topic.state, "concluded")
        self.assertEqual(topic.outcome, "居民选定长椅方案")
        self.assertEqual(event.state, "handled")
        self.assertIn("居民选定长椅方案", event.answer)
        self.assertEqual(event.outcome, "resolved")
        self.assertTrue(event.handled_on_time)
        self.assertFalse(event.sla_paused_at)
        # the reporter rates as for any handled event
        event.with_user(self.resident).sudo().action_rate(5)
        self.assertEqual(event.state, "closed")

    def test_several_events_merge_into_one_topic(self):
        first = self._event("座椅开裂")
        second = self._event("座椅没有靠背", reporter=self.neighbour)
        events = first | second
        action = events.with_user(self.staff).action_refer_to_deliberation()
        topic = self.env["community.topic"].browse(action["res_id"])
        self.assertEqual(topic.source_event_ids, events)
        self.assertNotIn(topic.governance_code, events.mapped("governance_code"))
        self.assertTrue(topic.governance_code.startswith("YS"))
        self.assertEqual(set(events.mapped("state")), {"referred"})
        # the code of either event finds the topic, the topic's code both events
        Topic = self.env["community.topic"].with_user(self.party_worker)
        self.assertEqual(Topic.search([("governance_chain", "=", second.name)]), topic)
        Event = self.env["community.event"].with_user(self.staff)
        self.assertEqual(Event.search([("governance_chain", "=", topic.governance_code)]), events)
        # concluded without a micro-project: the outcome answers both events
        self._discuss(topic)
        with self.assertRaises(UserError):
            topic.action_conclude()  # no outcome yet
        topic.outcome = "物业负责更换座椅"
        topic.with_user(self.party_worker).action_conclude()
        self.assertEqual(set(events.mapped("state")), {"handled"})
        self.assertIn("物业负责更换座椅", second.answer)

    def test_only_staff_refer_events_of_one_community(self):
        event = self._event()
        with self.assertRaises(UserError):
            event.with_user(self.grid_worker).action_refer_to_deliberation()
        other = self.env["community.event"].create(
            {
                "title": "西社区路灯",
                "description": "路灯不亮",
                "category_id": self.category.id,
                "grid_id": self.other_grid.id,
            }
        )
        with self.assertRaises(UserError):
            (event | other).with_user(self.manager).action_refer_to_deliberation()
        self.assertEqual(event.state, "new")

    def test_event_to_mediation_and_back(self):
        event = self._event("楼上漏水纠纷")
        event.with_user(self.grid_worker).action_accept()
        event.with_user(self.grid_worker).action_create_mediation_case()
        case = self.env["mediation.case"].search([("event_id", "=", event.id)])
        self.assertEqual(case.governance_code, event.governance_code)
        self.assertEqual(event.state, "transferred")
        self.assertEqual(event.sla_state, "paused")
        # the mediator works the case; its closing outcome comes back
        case.action_accept()
        case.mediator_id = self.mediator
        case.action_assign()
        case.with_user(self.mediator_user).action_failed()
        self.assertEqual(event.state, "transferred")
        case.with_user(self.mediator_user).action_close()
        self.assertEqual(event.state, "handled")
        self.assertEqual(event.outcome, "no_action")
        self.assertIn(case.name, event.answer)
        self.assertNotIn(case.description, event.answer)
        # the code of the event finds the case
        cases = self.env["mediation.case"].with_user(self.mediator_user)
        self.assertEqual(cases.search([("governance_chain", "=", event.governance_code)]), case)
        self.assertEqual(cases.name_search(event.governance_code)[0][0], case.id)

    def test_cron_and_figures_ignore_handed_over_events(self):
        event = self._event("邻里噪音纠纷")
        event.action_accept()
        event.action_create_mediation_case()
        # long past its deadline while in mediation
        event.sudo().write({"deadline": fields.Datetime.now() - timedelta(days=5)})
        self.env["community.event"]._cron_supervise_overdue()
        self.assertFalse(event.reminded)
        self.assertFalse(event.supervised)
        self.assertFalse(event.activity_ids)
        Event = self.env["community.event"]
        self.assertNotIn(event, Event.search([("sla_state", "=", "overdue")]))
        self.assertIn(event, Event.search([("sla_state", "=", "paused")]))
        self.assertIn(event, Event.search([("sla_state", "!=", "overdue")]))

    def test_party_worker_never_sees_the_mediation_case(self):
        event = self._event("漏水纠纷又涉及公共设施")
        event.action_accept()
        event.action_create_mediation_case()
        case = self.env["mediation.case"].search([("event_id", "=", event.id)])
        # the same matter is also referred to deliberation (a split)
        topic = self.env["community.topic"].browse(
            event.with_user(self.staff).action_refer_to_deliberation()["res_id"]
        )
        worker = self.party_worker
        self.assertEqual(topic.with_user(worker).governance_code, event.governance_code)
        with self.assertRaises(AccessError):
            case.with_user(worker).read(["subject"])
        with self.assertRaises(AccessError):
            self.env["mediation.case"].with_user(worker).search(
                [("governance_chain", "=", event.governance_code)]
            )
        # the event is answered by whichever hand-over comes back first
        self.assertEqual(event.state, "transferred")
        self.assertEqual(event.topic_ids, topic)
        with self.assertRaises(AccessError):
            topic.with_user(worker).read(["source_event_ids"])

    def test_codes_cannot_be_forged(self):
        event = self._event()
        with self.assertRaisesRegex(UserError, "cannot be set directly"):
            event.with_user(self.staff).write({"governance_code": "FORGED"})
        with self.assertRaisesRegex(UserError, "cannot be set directly"):
            self.env["community.topic"].with_user(self.staff).create(
                {"name": "x", "community_id": self.community.id, "governance_code": "FORGED"}
            )
