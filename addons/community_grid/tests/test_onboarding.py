from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import CommunityCase, new_test_user, valid_id_number


@tagged("post_install", "-at_install")
class TestResidentOnboarding(CommunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.number = valid_id_number("19700707", 77)
        cls.register_entry = cls.env["res.partner"].create(
            {
                "name": "王大明",
                "household_id": cls.household.id,
                "household_relation": "self",
                "id_number": cls.number,
            }
        )
        cls.newcomer = new_test_user(cls.env, login="t_newcomer", groups="base.group_portal")

    def _claim(self, number=None):
        return self.env["community.resident.claim"].create(
            {
                "partner_id": self.newcomer.partner_id.id,
                "id_number": number or self.number,
                "address": "测试花园1栋101",
                "community_id": self.community.id,
            }
        )

    def test_staff_grant_portal_access_in_bulk(self):
        residents = self.env["res.partner"].create(
            [
                {"name": "居民甲", "email": "jia@example.com", "household_id": self.household.id},
                {"name": "居民乙", "email": "yi@example.com", "household_id": self.household.id},
            ]
        )
        wizard = (
            self.env["portal.wizard"]
            .with_user(self.staff)
            .with_context(active_ids=residents.ids, active_model="res.partner")
            .create({})
        )
        self.assertEqual(wizard.user_ids.partner_id, residents)
        for line in wizard.user_ids:
            line.sudo().action_grant_access()
        users = residents.user_ids
        self.assertEqual(len(users), 2)
        self.assertTrue(all(u.has_group("base.group_portal") for u in users))

    def test_nothing_visible_until_staff_confirm(self):
        claim = self._claim()
        self.assertEqual(claim.matched_partner_id, self.register_entry)
        self.assertEqual(claim.household_id, self.household)
        Household = self.env["community.household"].with_user(self.newcomer)
        self.assertFalse(Household.search([]), "no household before confirmation")
        claim.with_user(self.staff).action_confirm()
        self.assertEqual(claim.state, "confirmed")
        self.assertEqual(Household.search([]), self.household)
        partner = self.newcomer.partner_id
        self.assertEqual(partner.household_id, self.household)
        self.assertEqual(partner.sudo().id_number, self.number, "the register's ID moved over")
        self.assertFalse(self.register_entry.active, "the register entry is replaced")
        self.assertEqual(self.household.householder_id, partner)

    def test_unmatched_claim_needs_a_household_chosen(self):
        claim = self._claim(valid_id_number("19750505", 55))
        self.assertFalse(claim.household_id)
        with self.assertRaisesRegex(UserError, "choose the household"):
            claim.with_user(self.staff).action_confirm()
        claim.with_user(self.staff).household_id = self.household
        claim.with_user(self.staff).action_confirm()
        self.assertEqual(self.newcomer.partner_id.household_id, self.household)

    def test_reject_needs_a_reason(self):
        claim = self._claim()
        with self.assertRaises(UserError):
            claim.with_user(self.staff).action_reject()
        claim.with_user(self.staff).write({"reject_reason": "地址与登记不符"})
        claim.with_user(self.staff).action_reject()
        self.assertEqual(claim.state, "rejected")
        self.assertFalse(self.newcomer.partner_id.household_id)

    def test_claims_scoped_by_territory(self):
        claim = self._claim()
        other_staff = new_test_user(
            self.env,
            login="t_staff_west",
            groups="base.group_user,community_grid.group_community_staff",
        )
        other_staff.community_area_ids = self.other_community
        with self.assertRaises(AccessError):
            claim.with_user(other_staff).read(["address"])
        with self.assertRaises(AccessError):
            claim.with_user(self.grid_worker).read(["address"])


@tagged("post_install", "-at_install")
class TestHouseholdPortal(HttpCase):
    def _token(self, url):
        page = self.url_open(url)
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page, page.text[start : page.text.index('"', start)]

    def test_linked_resident_sees_own_household(self):
        self.authenticate("resident", "resident-demo")
        page = self.url_open("/my/household")
        self.assertEqual(page.status_code, 200)
        self.assertIn("平东花园3栋2单元502", page.text)
        self.assertIn("李国强", page.text)
        self.assertNotIn("陈伯", page.text)

    def test_newcomer_asks_to_be_linked(self):
        new_test_user(
            self.env, login="t_signup", password="t_signup_pw1", groups="base.group_portal"
        )
        self.authenticate("t_signup", "t_signup_pw1")
        page, token = self._token("/my/household")
        self.assertIn("o_claim_form", page.text)
        bad = self.url_open(
            "/my/household",
            data={"csrf_token": token, "id_number": "123", "address": "x", "community_id": "1"},
        )
        self.assertIn("o_claim_error", bad.text)
        community = self.env.ref("community_grid.area_pingdong_demo")
        number = self.env.ref("community_grid.resident_li_guoqiang_demo").sudo().id_number
        resp = self.url_open(
            "/my/household",
            data={
                "csrf_token": token,
                "id_number": number,
                "address": "平东花园3栋2单元502",
                "community_id": str(community.id),
            },
        )
        self.assertIn("o_claim_pending", resp.text)
        self.assertNotIn("李国强", resp.text, "nothing of the household before confirmation")
        applicant = self.env["res.users"].search([("login", "=", "t_signup")]).partner_id
        claim = self.env["community.resident.claim"].search([("partner_id", "=", applicant.id)])
        self.assertEqual(len(claim), 1)
        self.assertEqual(
            claim.household_id, self.env.ref("community_grid.household_pdg_3_2_502_demo")
        )
