from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVolunteerTour(HttpCase):
    def test_resident_signs_up_and_redeems(self):
        profile = self.env.ref("community_volunteer.profile_zhang_guiying_demo")
        activity = self.env.ref("community_volunteer.activity_stairs_future_demo")
        reward = self.env.ref("community_volunteer.reward_bag_demo")
        balance, stock = profile.points_balance, reward.stock
        self.assertGreaterEqual(balance, reward.points_price)
        self.start_tour("/my/volunteer", "community_volunteer_portal_tour", login="resident")
        registration = activity.registration_ids.filtered(lambda r: r.profile_id == profile)
        self.assertEqual(registration.state, "registered")
        self.assertFalse(registration.on_behalf)
        self.assertEqual(profile.points_balance, balance - reward.points_price)
        self.assertEqual(reward.stock, stock - 1)
