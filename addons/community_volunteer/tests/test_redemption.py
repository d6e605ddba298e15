import threading
from datetime import timedelta

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestRedemption(VolunteerCase):
    def test_redeem_debits_balance_and_stock(self):
        self._served(self.profile, hours=4)  # 40 points
        redemption = (
            self.env["volunteer.redemption"]
            .with_user(self.staff)
            ._redeem(self.profile, self.reward)
        )
        self.assertEqual(redemption.points, 30)
        self.assertTrue(redemption.name.startswith("DH"))
        self.assertEqual(self.reward.stock, 4)
        self.assertEqual(self.profile.points_balance, 10)
        spend = redemption.point_line_ids
        self.assertEqual((spend.kind, spend.points), ("spend", -30))
        self.assertEqual(spend.acting_user_id, self.staff)
        self.assertTrue(spend.on_behalf, "staff at the desk act for the volunteer")
        redemption.with_user(self.staff).action_deliver()
        self.assertEqual(redemption.state, "delivered")
        with self.assertRaisesRegex(UserError, "not handed out"):
            redemption.with_user(self.staff).action_cancel()

    def test_refusals_leave_nothing_behind(self):
        self._served(self.profile, hours=2)  # 20 points
        Redemption = self.env["volunteer.redemption"]
        with self.assertRaisesRegex(UserError, "balance is too low"):
            Redemption._redeem(self.profile, self.reward)
        self.reward.stock = 0
        self._served(self.profile, hours=2)
        with self.assertRaisesRegex(UserError, "out of stock"):
            Redemption._redeem(self.profile, self.reward)
        self.reward.write({"stock": 3, "is_published": False})
        with self.assertRaisesRegex(UserError, "no longer offered"):
            Redemption._redeem(self.profile, self.reward)
        self.reward.is_published = True
        with self.assertRaisesRegex(UserError, "offered to volunteers of"):
            Redemption._redeem(self.outsider_profile, self.reward)
        with self.assertRaisesRegex(UserError, "at least one"):
            Redemption._redeem(self.profile, self.reward, 0)
        self.assertFalse(Redemption.search([("profile_id", "=", self.profile.id)]))
        self.assertEqual(self.reward.stock, 3)
        self.assertEqual(self.profile.points_balance, 40)
        with self.assertRaisesRegex(UserError, "Redeem button"):
            Redemption.sudo().create({"profile_id": self.profile.id, "reward_id": self.reward.id})

    def test_cancel_writes_reversal_and_restocks(self):
        self._served(self.profile, hours=3)
        redemption = self.env["volunteer.redemption"]._redeem(self.profile, self.reward)
        self.assertEqual(self.profile.points_balance, 0)
        redemption.with_user(self.staff).action_cancel()
        self.assertEqual(redemption.state, "cancelled")
        self.assertEqual(self.reward.stock, 5)
        self.assertEqual(self.profile.points_balance, 30)
        kinds = sorted(redemption.point_line_ids.mapped("kind"))
        self.assertEqual(kinds, ["reversal", "spend"])
        self.assertEqual(self.profile.points_balance, self._ledger_sum(self.profile))

    def test_proxy_needs_consent_and_records_the_actor(self):
        self._served(self.elder_profile, hours=3)
        Redemption = self.env["volunteer.redemption"].with_user(self.grid_worker)
        with self.assertRaisesRegex(UserError, "not consented"):
            Redemption._redeem(self.elder_profile, self.reward)
        with self.assertRaisesRegex(UserError, "not consented"):
            self.activity.with_user(self.grid_worker)._sign_up(self.elder_profile)
        self.elder_profile.with_user(self.grid_worker).write(
            {"proxy_consent_note": "书面授权书第12号"}
        )
        self.elder_profile.with_user(self.grid_worker).action_record_proxy_consent()
        redemption = Redemption._redeem(self.elder_profile, self.reward)
        self.assertEqual(redemption.acting_user_id, self.grid_worker)
        self.assertTrue(redemption.on_behalf)
        self.assertEqual(redemption.point_line_ids.acting_user_id, self.grid_worker)
        registration = self.activity.with_user(self.grid_worker)._sign_up(self.elder_profile)
        self.assertEqual(registration.acting_user_id, self.grid_worker)
        self.assertTrue(registration.on_behalf)

    def test_building_head_acts_as_proxy(self):
        head_user = self.leader
        self.building.head_id = head_user.partner_id
        self.elder_profile.proxy_consent = True
        registration = self.activity.with_user(head_user)._sign_up(self.elder_profile)
        self.assertEqual(registration.acting_user_id, head_user)
        # an unrelated internal user cannot act for the elder
        with self.assertRaises(UserError):  # or its subclass AccessError
            self.activity.with_user(self.plain_user)._sign_up(self.neighbour_profile)

    def test_leader_records_a_walk_in(self):
        registration = (
            self.env["volunteer.registration"]
            .with_user(self.leader)
            .create({"activity_id": self.activity.id, "profile_id": self.elder_profile.id})
        )
        self.assertTrue(registration.on_behalf)
        self.assertEqual(registration.acting_user_id, self.leader)
        other = self._activity(self.now + timedelta(days=2), team=self.other_team)
        with self.assertRaises(UserError):  # not their team, no consent
            self.env["volunteer.registration"].with_user(self.leader).create(
                {"activity_id": other.id, "profile_id": self.elder_profile.id}
            )

    def test_own_sign_up_is_not_on_behalf(self):
        registration = self.activity.with_user(self.portal_user).sudo()._sign_up(self.profile)
        self.assertFalse(registration.on_behalf)
        self.assertEqual(registration.acting_user_id, self.portal_user)


@tagged("post_install", "-at_install")
class TestConcurrentRedemption(TransactionCase):
    """Two redemptions at the same instant, in real parallel transactions."""

    def _setup_committed(self, balance, stock, price):
        with self.registry.cursor() as cr:
            env = api.Environment(
                cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nosubscribe": True}
            )
            community = env.ref("community_grid.area_pingdong_demo")
            partner = env["res.partner"].create({"name": "并发测试志愿者"})
            profile = env["volunteer.profile"].create(
                {"partner_id": partner.id, "community_id": community.id}
            )
            profile._award_bonus(balance, "并发测试")
            reward = env["volunteer.reward"].create(
                {
                    "name": "并发测试奖品",
                    "community_id": community.id,
                    "points_price": price,
                    "stock": stock,
                }
            )
            ids = (partner.id, profile.id, reward.id)
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup, *ids)
        return ids

    def _cleanup(self, partner_id, profile_id, reward_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            # test data only: the ledger itself never deletes a line
            cr.execute("DELETE FROM volunteer_point_line WHERE profile_id = %s", (profile_id,))
            env["volunteer.redemption"].search([("profile_id", "=", profile_id)]).unlink()
            env["volunteer.reward"].browse(reward_id).unlink()
            env["volunteer.profile"].browse(profile_id).unlink()
            env["res.partner"].browse(partner_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _race(self, profile_id, reward_id):
        barrier = threading.Barrier(2)
        results = []

        def redeem():
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
                profile = env["volunteer.profile"].browse(profile_id)
                barrier.wait(timeout=30)
                try:
                    retrying(lambda: profile._redeem(reward_id), env)
                    cr.commit()  # pylint: disable=invalid-commit
                    results.append("redeemed")
                except UserError as error:
                    cr.rollback()
                    results.append(str(error))

        threads = [threading.Thread(target=redeem) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        return sorted(results)

    def _state(self, profile_id, reward_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            profile = env["volunteer.profile"].browse(profile_id)
            lines = env["volunteer.point.line"].search([("profile_id", "=", profile_id)])
            redemptions = env["volunteer.redemption"].search_count(
                [("profile_id", "=", profile_id)]
            )
            return (
                profile.points_balance,
                sum(lines.mapped("points")),
                env["volunteer.reward"].browse(reward_id).stock,
                redemptions,
            )

    def test_last_item_goes_to_one_volunteer(self):
        _partner, profile_id, reward_id = self._setup_committed(balance=100, stock=1, price=30)
        results = self._race(profile_id, reward_id)
        self.assertEqual(len(results), 2)
        self.assertEqual(results.count("redeemed"), 1, results)
        self.assertIn("out of stock", next(r for r in results if r != "redeemed"))
        self.assertEqual(self._state(profile_id, reward_id), (70, 70, 0, 1))

    def test_balance_never_overspent(self):
        _partner, profile_id, reward_id = self._setup_committed(balance=50, stock=5, price=40)
        results = self._race(profile_id, reward_id)
        self.assertEqual(results.count("redeemed"), 1, results)
        self.assertIn("balance is too low", next(r for r in results if r != "redeemed"))
        self.assertEqual(self._state(profile_id, reward_id), (10, 10, 4, 1))
