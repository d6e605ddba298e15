from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.community_grid.tests.common import ParallelCase


@tagged("post_install", "-at_install")
class TestParallelBallot(ParallelCase):
    """One resident sends their ballot twice at the same instant."""

    def _build(self, env):
        Area = env["community.area"]
        community = Area.create({"name": "并发投票社区", "area_type": "community"})
        estate = Area.create(
            {"name": "并发投票小区", "area_type": "estate", "parent_id": community.id}
        )
        grid = env["community.grid"].create({"name": "并发投票网格", "community_id": community.id})
        building = env["community.building"].create(
            {"name": "1栋", "estate_id": estate.id, "grid_id": grid.id}
        )
        household = env["community.household"].create({"building_id": building.id, "room": "101"})
        resident = env["res.partner"].create({"name": "并发投票居民", "household_id": household.id})
        project = env["community.microproject"].create(
            {
                "name": "并发投票项目",
                "community_id": community.id,
                "partner_id": resident.id,
                "max_choices": 1,
                "vote_date_end": fields.Datetime.now() + timedelta(days=7),
                "choice_ids": [Command.create({"name": "甲"}), Command.create({"name": "乙"})],
            }
        )
        project.action_open_vote()
        return {
            "community": community,
            "estate": estate,
            "grid": grid,
            "building": building,
            "household": household,
            "resident": resident,
            "project": project,
        }

    @mute_logger("odoo.sql_db")  # the database refuses the second insert: logged as a bad query
    def test_one_ballot_per_resident(self):
        ids = self.committed(self._build)
        project_id, resident_id = ids["project"][1], ids["resident"][1]
        self.addCleanup(self._delete_votes, project_id)

        def vote(env, index):
            project = env["community.microproject"].browse(project_id)
            env["community.microproject.vote"].create(
                {
                    "project_id": project_id,
                    "partner_id": resident_id,
                    "choice_ids": [Command.set(project.choice_ids[index].ids)],
                }
            )

        results = self.race(vote)
        self.assertEqual(results.count("ok"), 1, results)
        self.assertIn(
            "并发投票居民 has already voted on this project: each resident votes once.", results
        )
        counts = self.read_committed(
            lambda env: (
                env["community.microproject"].browse(project_id).vote_count,
                env["community.microproject.vote"].search_count([("project_id", "=", project_id)]),
            )
        )
        self.assertEqual(counts, (1, 1))

    def _delete_votes(self, project_id):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL("DELETE FROM community_microproject_vote WHERE project_id = %s", project_id)
            )
            cr.commit()  # pylint: disable=invalid-commit
