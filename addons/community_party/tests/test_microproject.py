from datetime import timedelta

import psycopg2

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestMicroproject(PartyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["community.microproject"].create(
            {
                "name": "加装休闲座椅",
                "community_id": cls.community.id,
                "partner_id": cls.resident.partner_id.id,
                "max_choices": 2,
                "vote_date_end": fields.Datetime.now() + timedelta(days=7),
                "choice_ids": [
                    Command.create({"name": "长椅", "sequence": 1}),
                    Command.create({"name": "凉亭", "sequence": 2}),
                    Command.create({"name": "健身器材", "sequence": 3}),
                ],
            }
        )
        cls.bench, cls.pavilion, cls.fitness = cls.project.choice_ids

    def _vote(self, user, choices, project=None):
        return (
            self.env["community.microproject.vote"]
            .with_user(user)
            .create(
                {
                    "project_id": (project or self.project).id,
                    "partner_id": user.partner_id.id,
                    "choice_ids": [Command.set(choices.ids)],
                }
            )
        )

    def test_flow_and_counts(self):
        with self.assertRaisesMsg(UserError, "not open"):
            self._vote(self.resident, self.bench)
        self.project.action_review()
        self.project.action_open_vote()
        self.assertTrue(self.project.is_voting_open)
        self._vote(self.resident, self.bench | self.pavilion)
        self._vote(self.neighbour, self.pavilion)
        self.assertEqual(self.project.vote_count, 2)
        self.assertEqual(
            self.project.choice_ids.mapped("vote_count"), [1, 2, 0], "each ballot counted once"
        )
        self.project.action_publish_result()
        self.assertEqual(self.project.state, "notice")
        self.assertEqual(self.project.winner_choice_id, self.pavilion)
        # The vote is closed: a late ballot is refused and nothing is written.
        with self.assertRaisesMsg(UserError, "not open"):
            self._vote(self.outsider, self.bench)
        self.assertEqual(self.project.vote_count, 2)
        self.project.action_implement()
        self.project.action_close()
        self.assertEqual(self.project.progress, 100)

    def test_one_vote_per_resident(self):
        self.project.action_open_vote()
        vote = self._vote(self.resident, self.bench)
        with self.assertRaisesMsg(UserError, "already voted"):
            self._vote(self.resident, self.fitness)
        with self.assertRaisesMsg(UserError, "cannot be changed"):
            vote.with_user(self.resident).choice_ids = self.fitness
        with self.assertRaisesMsg(UserError, "cannot be set directly"):
            vote.with_user(self.staff).partner_id = self.neighbour.partner_id
        # The database refuses a second ballot even past the Python check.
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "INSERT INTO community_microproject_vote (project_id, partner_id) "
                    "VALUES (%s, %s)",
                    (self.project.id, self.resident.partner_id.id),
                )
        self.assertEqual(self.project.vote_count, 1)

    def test_ballot_checks(self):
        self.project.action_open_vote()
        with self.assertRaisesMsg(UserError, "at most 2"):
            self._vote(self.resident, self.bench | self.pavilion | self.fitness)
        with self.assertRaisesMsg(UserError, "at least one option"):
            self._vote(self.resident, self.env["community.microproject.choice"])
        with self.assertRaisesMsg(UserError, "Only residents"):
            self._vote(self.outsider, self.bench)
        self.assertEqual(self.project.vote_count, 0)

    def test_open_vote_needs_options_and_dates(self):
        project = self.env["community.microproject"].create(
            {"name": "单选项", "community_id": self.community.id, "max_choices": 1}
        )
        with self.assertRaisesMsg(UserError, "at least two options"):
            project.action_open_vote()
        project.choice_ids = [Command.create({"name": "甲"}), Command.create({"name": "乙"})]
        with self.assertRaisesMsg(UserError, "closing date"):
            project.action_open_vote()
        project.max_choices = 2
        project.vote_date_end = fields.Datetime.now() + timedelta(days=1)
        with self.assertRaisesMsg(UserError, "lower the number"):
            project.action_open_vote()
        self.assertEqual(project.state, "proposed")

    def test_votes_secret_to_other_residents(self):
        self.project.action_open_vote()
        mine = self._vote(self.resident, self.bench)
        theirs = self._vote(self.neighbour, self.fitness)
        Vote = self.env["community.microproject.vote"].with_user(self.resident)
        self.assertEqual(Vote.search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.resident).read(["choice_ids"])
        # Residents of another community do not see the project.
        with self.assertRaises(AccessError):
            self.project.with_user(self.outsider).read(["name"])
        # The resident sees the counts without reading other ballots.
        self.assertEqual(self.project.with_user(self.resident).vote_count, 2)
        # Portal users cannot change a project.
        with self.assertRaises(AccessError):
            self.project.with_user(self.resident).name = "改名"
