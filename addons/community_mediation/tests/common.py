from odoo import Command

from odoo.addons.community_grid.tests.common import CommunityCase, new_test_user


class MediationCase(CommunityCase):
    """CommunityCase plus one user per mediation role, a room and a case.

    Roles: ``mediator_user`` (volunteer mediator assigned to the case),
    ``other_mediator_user`` (volunteer mediator of the same community, not
    assigned), ``specialist`` (mediation specialist of the community),
    ``other_specialist`` (of the other community), ``instructor`` (of the
    street), plus the grid roles of CommunityCase.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        Mediator = cls.env["mediation.mediator"]
        cls.mediator_user = cls._mediation_user("t_mediator", "group_mediator", cls.community)
        cls.other_mediator_user = cls._mediation_user(
            "t_mediator2", "group_mediator", cls.community
        )
        cls.specialist = cls._mediation_user(
            "t_specialist", "group_mediation_specialist", cls.community
        )
        cls.other_specialist = cls._mediation_user(
            "t_specialist2", "group_mediation_specialist", cls.other_community
        )
        cls.instructor = cls._mediation_user(
            "t_instructor", "group_mediation_specialist", cls.street
        )
        cls.mediator = Mediator.create(
            {
                "partner_id": cls.mediator_user.partner_id.id,
                "user_id": cls.mediator_user.id,
                "area_id": cls.community.id,
            }
        )
        cls.other_mediator = Mediator.create(
            {
                "partner_id": cls.other_mediator_user.partner_id.id,
                "user_id": cls.other_mediator_user.id,
                "area_id": cls.community.id,
            }
        )
        cls.room = cls.env["mediation.room"].create(
            {"name": "测试调解室", "area_id": cls.community.id}
        )
        cls.applicant = Partner.create({"name": "申请人甲", "phone": "13900000001"})
        cls.respondent = Partner.create({"name": "被申请人乙", "phone": "13900000002"})
        cls.case = cls.env["mediation.case"].create(
            {
                "subject": "漏水纠纷",
                "description": "楼上漏水导致楼下天花板受损。",
                "community_id": cls.community.id,
                "party_ids": [
                    Command.create({"role": "applicant", "partner_id": cls.applicant.id}),
                    Command.create({"role": "respondent", "partner_id": cls.respondent.id}),
                ],
            }
        )

    @classmethod
    def _mediation_user(cls, login, group, area):
        user = new_test_user(
            cls.env, login=login, groups=f"base.group_user,community_mediation.{group}"
        )
        user.community_area_ids = area
        return user

    def _assigned_case(self):
        self.case.action_accept()
        self.case.mediator_id = self.mediator
        self.case.action_assign()
        return self.case

    def _issue_agreement(self, case):
        agreement = self.env["mediation.agreement"].create(
            {"case_id": case.id, "facts": "漏水事实", "terms": "赔偿1000元"}
        )
        agreement.action_issue()
        return agreement
