from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MediationCase


@tagged("post_install", "-at_install")
class TestMediationAgreement(MediationCase):
    def test_issue_requires_facts_and_terms(self):
        draft = self.env["mediation.agreement"].create({"case_id": self.case.id})
        with self.assertRaisesRegex(UserError, "facts, agreed terms"):
            draft.action_issue()
        self.assertEqual(draft.state, "draft")
        self.assertEqual(draft.version, 1)

    def test_issued_agreement_is_immutable(self):
        agreement = self._issue_agreement(self.case)
        self.assertEqual(agreement.state, "issued")
        self.assertEqual(agreement.date_issued, fields.Date.context_today(agreement))
        self.assertEqual(agreement.court_deadline, agreement.date_issued + timedelta(days=30))
        with self.assertRaisesRegex(UserError, "cannot be edited"):
            agreement.terms = "改成赔偿2000元"
        with self.assertRaisesRegex(UserError, "stays on file"):
            agreement.unlink()
        self.assertEqual(agreement.terms, "赔偿1000元")
        # the judicial-confirmation status still moves on
        agreement.court_confirmation_state = "applied"
        self.assertEqual(agreement.court_confirmation_state, "applied")

    def test_new_version_supersedes(self):
        first = self._issue_agreement(self.case)
        action = first.action_new_version()
        second = self.env["mediation.agreement"].browse(action["res_id"])
        self.assertEqual((second.version, second.state), (2, "draft"))
        self.assertEqual(second.terms, first.terms)
        second.terms = "赔偿1200元, 分两期支付"
        second.action_issue()
        self.assertEqual(first.state, "superseded")
        self.assertEqual(first.superseded_by_id, second)
        self.assertEqual(self.case.issued_agreement_id, second)
        with self.assertRaisesRegex(UserError, "Only the issued"):
            first.action_new_version()

    def test_court_confirmation_reminder(self):
        case = self._assigned_case()
        agreement = self._issue_agreement(case)
        Agreement = self.env["mediation.agreement"]
        self.assertFalse(Agreement._cron_court_confirmation_reminder(), "not due yet")
        # issued 25 days ago: five days left in the 30-day window
        self.env.cr.execute(
            "UPDATE mediation_agreement SET date_issued = %s, court_deadline = %s WHERE id = %s",
            (
                fields.Date.today() - timedelta(days=25),
                fields.Date.today() + timedelta(days=5),
                agreement.id,
            ),
        )
        agreement.invalidate_recordset()
        self.assertEqual(Agreement._cron_court_confirmation_reminder(), agreement)
        activity = case.activity_ids.filtered(lambda a: "Judicial" in (a.summary or ""))
        self.assertEqual(activity.user_id, self.mediator_user)
        self.assertEqual(activity.date_deadline, agreement.court_deadline)
        self.assertTrue(agreement.reminder_done)
        self.assertFalse(Agreement._cron_court_confirmation_reminder(), "reminded once")

    def test_no_reminder_once_applied(self):
        agreement = self._issue_agreement(self.case)
        agreement.court_confirmation_state = "applied"
        self.env.cr.execute(
            "UPDATE mediation_agreement SET court_deadline = %s WHERE id = %s",
            (fields.Date.today() + timedelta(days=2), agreement.id),
        )
        agreement.invalidate_recordset()
        self.assertFalse(self.env["mediation.agreement"]._cron_court_confirmation_reminder())

    # wkhtmltopdf built without patched Qt warns about header options
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_pdf_renders(self):
        agreement = self._issue_agreement(self.case)
        report = self.env.ref("community_mediation.action_report_mediation_agreement")
        pdf, fmt = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, agreement.ids
        )
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = (
            report.with_context(lang="zh_CN")
            ._render_qweb_html(report.report_name, agreement.ids)[0]
            .decode()
        )
        self.assertIn("人民调解协议书", html, "printed in Chinese for a Chinese user")
        self.assertIn("司法确认", html)
        self.assertIn(self.case.name, html)
        self.assertIn("申请人甲", html)
        self.assertNotIn("13900000001", html, "no phone numbers on the agreement")
