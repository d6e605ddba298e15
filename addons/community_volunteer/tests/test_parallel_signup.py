from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.community_grid.tests.common import ParallelCase

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestParallelSignUp(ParallelCase):
    """Residents sign up at the same instant, each in their own transaction."""

    def _build(self, capacity):
        def build(env):
            community = env["community.area"].create(
                {"name": "并发报名社区", "area_type": "community"}
            )
            team = env["volunteer.team"].create({"name": "并发报名队", "area_id": community.id})
            start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=3)
            activity = env["volunteer.activity"].create(
                {
                    "name": "并发报名活动",
                    "team_id": team.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=2),
                    "capacity": capacity,
                    "state": "published",
                }
            )
            records = {"community": community, "team": team, "activity": activity}
            for index in range(2):
                partner = env["res.partner"].create({"name": f"并发报名居民{index}"})
                records[f"partner{index}"] = partner
                records[f"profile{index}"] = env["volunteer.profile"].create(
                    {"partner_id": partner.id, "community_id": community.id}
                )
            return records

        ids = self.committed(build)
        activity_id = ids["activity"][1]
        self.addCleanup(self._delete_registrations, activity_id)
        return activity_id, ids["profile0"][1], ids["profile1"][1]

    def _delete_registrations(self, activity_id):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL("DELETE FROM volunteer_registration WHERE activity_id = %s", activity_id)
            )
            cr.commit()  # pylint: disable=invalid-commit

    def _states(self, activity_id):
        return self.read_committed(
            lambda env: (
                sorted(
                    env["volunteer.registration"]
                    .search([("activity_id", "=", activity_id)])
                    .mapped("state")
                ),
                env["volunteer.activity"].browse(activity_id).seats_taken,
            )
        )

    def test_last_seat_goes_to_one_volunteer(self):
        activity_id, *profile_ids = self._build(capacity=1)
        results = self.race(
            lambda env, i: env["volunteer.activity"].browse(activity_id)._sign_up(profile_ids[i])
        )
        self.assertEqual(results, ["ok", "ok"])
        self.assertEqual(self._states(activity_id), (["registered", "waiting"], 1))

    @mute_logger("odoo.sql_db")  # the database refuses the second insert: logged as a bad query
    def test_same_volunteer_signs_up_once(self):
        activity_id, profile_id, _other = self._build(capacity=5)
        results = self.race(
            lambda env, i: env["volunteer.activity"].browse(activity_id)._sign_up(profile_id)
        )
        self.assertEqual(results.count("ok"), 1, results)
        self.assertIn("并发报名居民0 is already signed up for 并发报名活动.", results)
        self.assertEqual(self._states(activity_id), (["registered"], 1))


@tagged("post_install", "-at_install")
class TestCapacityConstraint(VolunteerCase):
    @mute_logger("odoo.sql_db")  # PostgreSQL refuses the rows: logged as bad queries
    def test_seats_never_exceed_capacity(self):
        self.activity.capacity = 1
        self.activity._sign_up(self.profile)
        waiting = self.activity._sign_up(self.neighbour_profile)
        self.assertEqual(waiting.state, "waiting")
        self.assertEqual(self.activity.seats_taken, 1)
        # moved to "registered" by hand (RPC) past the capacity
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            waiting.state = "registered"
            self.env.flush_all()
        self.env.invalidate_all()
        # a second volunteer can't be signed up twice, even without the Python check
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.cr.execute(
                SQL(
                    "INSERT INTO volunteer_registration (activity_id, profile_id, state,"
                    " hours_state, participation) VALUES (%s, %s, 'waiting', 'none', 1)",
                    self.activity.id,
                    self.neighbour_profile.id,
                )
            )
        # the capacity can't be lowered below the volunteers signed up
        self.activity.capacity = 2
        self.env["volunteer.registration"].browse(waiting.id).state = "registered"
        self.env.flush_all()
        self.assertEqual(self.activity.seats_taken, 2)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.activity.capacity = 1
            self.env.flush_all()
