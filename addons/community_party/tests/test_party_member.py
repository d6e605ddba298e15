from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PartyCase


@tagged("post_install", "-at_install")
class TestPartyMember(PartyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employer = cls.env["res.partner"].create({"name": "测试单位", "is_company": True})
        Member = cls.env["party.member"]
        cls.member = Member.create(
            {
                "partner_id": cls.resident.partner_id.id,
                "organization_id": cls.committee.id,
                "member_type": "in_service",
                "employer_id": cls.employer.id,
                "registration_date": fields.Date.today(),
            }
        )
        cls.other_member = Member.create(
            {"partner_id": cls.outsider.partner_id.id, "organization_id": cls.other_committee.id}
        )

    def test_transfer_keeps_history(self):
        wizard = Form(
            self.env["party.member.transfer.wizard"].with_context(default_member_id=self.member.id)
        )
        wizard.organization_id = self.other_committee
        wizard.note = "搬家"
        wizard.save().action_transfer()
        self.assertEqual(self.member.organization_id, self.other_committee)
        self.assertEqual(len(self.member.transfer_ids), 1)
        transfer = self.member.transfer_ids
        self.assertEqual(transfer.from_organization_id, self.committee)
        self.assertEqual(transfer.to_organization_id, self.other_committee)
        self.assertEqual(transfer.note, "搬家")
        self.assertEqual(self.member.community_id, self.other_community)
        # Transferring to the same organisation is refused.
        wizard = self.env["party.member.transfer.wizard"].create(
            {"member_id": self.member.id, "organization_id": self.other_committee.id}
        )
        with self.assertRaisesMsg(UserError, "already belongs"):
            wizard.action_transfer()

    def test_in_service_needs_employer(self):
        partner = self.env["res.partner"].create({"name": "无单位党员"})
        with self.assertRaisesMsg(ValidationError, "employer unit"):
            self.env["party.member"].create(
                {
                    "partner_id": partner.id,
                    "organization_id": self.committee.id,
                    "member_type": "in_service",
                }
            )
        self.assertFalse(self.env["party.member"].search([("partner_id", "=", partner.id)]))

    def test_is_party_member_follows_register(self):
        partner = self.resident.partner_id
        self.assertTrue(partner.is_party_member)
        self.member.state = "inactive"
        self.assertFalse(partner.is_party_member)

    def test_hours_target(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "community_party.annual_service_hours", "10"
        )
        need = self.env["party.service.need"].create(
            {"name": "长者饭堂", "community_id": self.community.id}
        )
        self.member.invalidate_recordset()
        self.assertEqual(self.member.service_hours_target, 10.0)
        today = fields.Date.today()
        elapsed = (today - today.replace(month=1, day=1)).days
        self.assertEqual(self.member.service_status, "behind" if elapsed else "on_track")
        log = self.env["party.service.log"].create(
            {"member_id": self.member.id, "need_id": need.id, "hours": 6, "date": today}
        )
        self.assertEqual(log.community_id, self.community)
        # Last year's hours do not count towards this year's target.
        self.env["party.service.log"].create(
            {"member_id": self.member.id, "hours": 8, "date": today - timedelta(days=400)}
        )
        self.env["party.service.log"].create(
            {"member_id": self.member.id, "hours": 4, "date": today}
        )
        self.member.invalidate_recordset()
        self.assertEqual(self.member.service_hours_year, 10.0)
        self.assertEqual(self.member.service_status, "met")
        self.assertEqual(need.hours_done, 6.0)
        self.assertEqual(self.other_member.service_status, "na")
        with self.assertRaisesMsg(ValidationError, "between 0 and 24"):
            self.env["party.service.log"].create(
                {"member_id": self.member.id, "hours": 30, "date": today}
            )

    def test_access_by_role(self):
        # Party worker: members of their territory only, and may edit them.
        Member = self.env["party.member"].with_user(self.party_worker)
        self.assertEqual(Member.search([]), self.member)
        self.member.with_user(self.party_worker).join_date = "2001-07-01"
        with self.assertRaises(AccessError):
            self.other_member.with_user(self.party_worker).join_date = "2001-07-01"
        # Staff read their community's members but do not edit the register.
        staff_members = self.env["party.member"].with_user(self.staff).search([])
        self.assertEqual(staff_members, self.member)
        with self.assertRaises(AccessError):
            self.member.with_user(self.staff).member_type = "community"
        # The street manager sees both communities.
        manager_members = self.env["party.member"].with_user(self.manager).search([])
        self.assertEqual(manager_members, self.member | self.other_member)
        # Grid workers have no access to member data.
        with self.assertRaises(AccessError):
            self.env["party.member"].with_user(self.grid_worker).search([])
