from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestMeeting(PartyCase):
    def _meeting(self, community, meeting_type, days_ago, **vals):
        return self.env["community.meeting"].create(
            {
                "name": "会议",
                "community_id": community.id,
                "meeting_type": meeting_type,
                "date": fields.Datetime.now() - timedelta(days=days_ago),
                "minutes": "<p>纪要</p>",
                "state": "done",
                **vals,
            }
        )

    def test_resolution_followed_up_as_activity(self):
        meeting = self._meeting(self.community, "deliberation", 1)
        deadline = fields.Date.today() + timedelta(days=10)
        resolution = self.env["community.meeting.resolution"].create(
            {
                "name": "加装扶手",
                "meeting_id": meeting.id,
                "user_id": self.staff.id,
                "date_deadline": deadline,
            }
        )
        self.assertEqual(resolution.activity_ids.user_id, self.staff)
        self.assertEqual(resolution.activity_ids.date_deadline, deadline)
        resolution.action_done()
        self.assertEqual(resolution.state, "done")
        self.assertFalse(resolution.activity_ids)

    def test_minutes_required_to_hold(self):
        meeting = self.env["community.meeting"].create(
            {"name": "议事会", "community_id": self.community.id}
        )
        topic = self.env["community.topic"].create(
            {"name": "议题", "community_id": self.community.id, "meeting_id": meeting.id}
        )
        topic.action_schedule()
        with self.assertRaisesMsg(UserError, "Write the minutes"):
            meeting.action_done()
        self.assertEqual(meeting.state, "planned")
        meeting.minutes = "<p>同意</p>"
        meeting.action_done()
        self.assertEqual(meeting.state, "done")
        self.assertEqual(topic.state, "discussed")

    def test_frequency(self):
        self._meeting(self.community, "deliberation", 10)
        self._meeting(self.community, "joint", 40)
        # The other community deliberated too long ago and never held a joint meeting.
        self._meeting(self.other_community, "deliberation", 45)
        Area = self.env["community.area"]
        self.assertTrue(self.community.meeting_frequency_ok)
        self.assertFalse(self.other_community.meeting_frequency_ok)
        missed = Area.search(
            [("meeting_frequency_ok", "=", False), ("id", "in", self.street.child_ids.ids)]
        )
        self.assertEqual(missed, self.other_community)
        # A joint meeting four months ago no longer counts.
        self._meeting(self.other_community, "deliberation", 2)
        self._meeting(self.other_community, "joint", 120)
        self.other_community.invalidate_recordset()
        self.assertFalse(self.other_community.meeting_frequency_ok)

    def test_access(self):
        mine = self._meeting(self.community, "deliberation", 1)
        other = self._meeting(self.other_community, "deliberation", 1)
        visible = self.env["community.meeting"].with_user(self.staff).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(self.party_worker).name = "越权"
        with self.assertRaises(AccessError):
            self.env["community.meeting"].with_user(self.resident).search([])
