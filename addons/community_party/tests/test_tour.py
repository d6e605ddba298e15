from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVoteTour(HttpCase):
    def test_resident_votes_on_micro_project(self):
        project = self.env.ref("community_party.microproject_benches_demo")
        resident = self.env.ref("community_grid.partner_resident_demo")
        self.assertTrue(project.is_voting_open)
        self.start_tour("/my/microprojects", "community_party_vote_tour", login="resident")
        vote = self.env["community.microproject.vote"].search(
            [("project_id", "=", project.id), ("partner_id", "=", resident.id)]
        )
        self.assertEqual(vote.choice_ids, self.env.ref("community_party.choice_benches_2_demo"))
        self.assertEqual(project.vote_count, 3)
