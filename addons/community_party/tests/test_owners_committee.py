from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestOwnersCommittee(PartyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.owners = Partner.create([{"name": f"业主{i}"} for i in range(4)])
        # Two of the four owners are party members.
        cls.members = cls.env["party.member"].create(
            [
                {"partner_id": partner.id, "organization_id": cls.committee.id}
                for partner in cls.owners[:2]
            ]
        )
        cls.company = Partner.create(
            {"name": "测试物业公司", "is_company": True, "is_property_company": True}
        )
        cls.committee_rec = cls.env["owners.committee"].create(
            {
                "name": "测试花园业委会",
                "estate_id": cls.estate.id,
                "property_company_id": cls.company.id,
                "user_id": cls.staff.id,
            }
        )
        today = fields.Date.today()
        cls.term = cls.env["owners.committee.term"].create(
            {
                "name": "第一届",
                "committee_id": cls.committee_rec.id,
                "election_date": today - timedelta(days=1000),
                "date_end": today + timedelta(days=30),
                "member_ids": [
                    fields.Command.create({"partner_id": cls.owners[0].id, "position": "chair"}),
                    fields.Command.create({"partner_id": cls.owners[1].id}),
                    fields.Command.create({"partner_id": cls.owners[2].id}),
                    fields.Command.create({"partner_id": cls.owners[3].id}),
                ],
            }
        )

    def test_fifty_percent_rule(self):
        self.assertAlmostEqual(self.term.party_ratio, 0.5)
        self.assertTrue(self.term.chair_is_party_member)
        self.assertEqual(self.term.compliance_status, "compliant")
        self.assertEqual(self.committee_rec.compliance_status, "compliant")
        # A party member leaves the register: the live check drops below 50%.
        self.members[1].state = "inactive"
        self.assertEqual(self.term.party_member_count, 1)
        self.assertEqual(self.term.compliance_status, "ratio")
        self.assertEqual(self.committee_rec.compliance_status, "ratio")
        self.assertIn(
            self.committee_rec,
            self.env["owners.committee"].search([("compliance_status", "!=", "compliant")]),
        )

    def test_chair_recommendation(self):
        chair = self.term.member_ids.filtered(lambda m: m.position == "chair")
        chair.position = "member"
        self.term.member_ids.filtered(lambda m: m.partner_id == self.owners[3]).position = "chair"
        self.assertFalse(self.term.chair_is_party_member)
        self.assertEqual(self.term.compliance_status, "chair")
        # a recommendation (seed 001 item 18): a warning that still counts as compliant
        self.assertEqual(self.term.compliance_rate, 1.0)
        with self.assertRaisesMsg(ValidationError, "more than one chair"):
            self.term.member_ids.filtered(
                lambda m: m.partner_id == self.owners[0]
            ).position = "chair"

    def test_rule_recorded_per_term(self):
        today = fields.Date.today()
        new_term = self.env["owners.committee.term"].create(
            {
                "name": "第二届",
                "committee_id": self.committee_rec.id,
                "election_date": today,
                "date_end": today + timedelta(days=1800),
                "member_ids": [
                    fields.Command.create({"partner_id": self.owners[2].id, "position": "chair"}),
                    fields.Command.create({"partner_id": self.owners[3].id}),
                    fields.Command.create({"partner_id": self.owners[0].id}),
                ],
            }
        )
        self.assertEqual(self.committee_rec.current_term_id, new_term)
        self.assertEqual(new_term.compliance_status, "ratio")
        self.assertEqual(self.committee_rec.compliance_status, "ratio")
        self.assertEqual(self.committee_rec.next_election_date, new_term.date_end)
        # The previous term keeps its own result.
        self.assertEqual(self.term.compliance_status, "compliant")
        history = self.env["owners.committee.term"].search(
            [("committee_id", "=", self.committee_rec.id)], order="election_date"
        )
        self.assertEqual(history.mapped("compliance_status"), ["compliant", "ratio"])
        [(rate,)] = self.env["owners.committee.term"]._read_group(
            [("committee_id", "=", self.committee_rec.id)], [], ["compliance_rate:avg"]
        )
        self.assertAlmostEqual(rate, 0.5)
        with self.assertRaisesMsg(ValidationError, "must end after"):
            new_term.date_end = today - timedelta(days=1)

    def test_election_reminder_cron(self):
        Activity = self.env["mail.activity"]
        domain = [("res_model", "=", "owners.committee"), ("res_id", "=", self.committee_rec.id)]
        self.assertFalse(Activity.search(domain))
        self.env["owners.committee"]._cron_election_reminder()
        activity = Activity.search(domain)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(activity.date_deadline, self.term.date_end)
        # Running again does not duplicate the reminder.
        self.env["owners.committee"]._cron_election_reminder()
        self.assertEqual(len(Activity.search(domain)), 1)

    def test_company_rules_and_rating(self):
        self.assertFalse(self.company.property_has_party_org)
        self.assertFalse(self.committee_rec.company_has_party_org)
        self.company.property_party_organization_id = self.committee
        self.assertTrue(self.company.property_has_party_org)
        Rating = self.env["property.rating"]
        for partner, score in ((self.owners[0], 5), (self.owners[1], 2)):
            Rating.create(
                {
                    "company_id": self.company.id,
                    "estate_id": self.estate.id,
                    "partner_id": partner.id,
                    "score": score,
                }
            )
        self.company.invalidate_recordset()
        self.assertAlmostEqual(self.company.property_rating_avg, 3.5)
        self.assertEqual(self.company.property_rating_count, 2)
        with self.assertRaisesMsg(ValidationError, "between 1 and 5"):
            Rating.create(
                {
                    "company_id": self.company.id,
                    "estate_id": self.estate.id,
                    "partner_id": self.owners[2].id,
                    "score": 6,
                }
            )

    def test_access(self):
        committees = self.env["owners.committee"].with_user(self.party_worker).search([])
        self.assertEqual(committees, self.committee_rec)
        other = self.env["owners.committee"].create(
            {"name": "西花园业委会", "estate_id": self.other_estate.id}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.staff).name = "越权"
        self.assertNotIn(other, self.env["owners.committee"].with_user(self.staff).search([]))
        self.assertIn(other, self.env["owners.committee"].with_user(self.manager).search([]))
        with self.assertRaises(AccessError):
            self.env["owners.committee"].with_user(self.resident).search([])

    def test_demo_committees(self):
        passing = self.env.ref("community_party.committee_pdg_demo")
        failing = self.env.ref("community_party.committee_pdx_demo")
        self.assertEqual(passing.compliance_status, "compliant")
        self.assertEqual(failing.compliance_status, "ratio")
        self.assertEqual(self.env.ref("community_party.term_pdg_1_demo").compliance_status, "ratio")
