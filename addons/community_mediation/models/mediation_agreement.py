from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.community_grid.tools import community_lang

# Parties may apply to the court for judicial confirmation (司法确认) within
# 30 days of the agreement taking effect (人民调解法 art. 33).
COURT_CONFIRMATION_DAYS = 30
# The reminder is due this many days before the window closes.
REMINDER_DAYS_BEFORE = 7
# Fields that may still change once an agreement is issued.
MUTABLE_WHEN_ISSUED = {
    "state",
    "superseded_by_id",
    "court_confirmation_state",
    "reminder_done",
    "message_main_attachment_id",
}


class MediationAgreement(models.Model):
    """A mediation agreement (调解协议书). Once issued it is never edited: a
    correction is a new version that supersedes it."""

    _name = "mediation.agreement"
    _description = "Mediation Agreement"

    # free input although the name looks like a figure (community_guard)

    _guard_writable = {
        "court_confirmation_state": "the mediator records the court's ruling on the confirmation"
    }
    _inherit = ["mail.thread"]
    _order = "case_id, version desc, id desc"

    case_id = fields.Many2one("mediation.case", required=True, index=True, ondelete="restrict")
    version = fields.Integer(required=True, default=1, readonly=True, copy=False)
    name = fields.Char(compute="_compute_name", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("superseded", "Superseded")],
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
        readonly=True,
    )
    facts = fields.Text(
        string="Facts and Dispute", help="The main facts and points of the dispute."
    )
    terms = fields.Text(string="Agreed Terms", help="What the parties agreed, item by item.")
    performance = fields.Text(help="How and by when the terms are carried out.")
    date_issued = fields.Date(string="Issued on", readonly=True, copy=False, index=True)
    court_deadline = fields.Date(
        string="Court Confirmation Deadline",
        compute="_compute_court_deadline",
        store=True,
        index=True,
        help="The parties may jointly apply to the court for judicial confirmation "
        "(司法确认) within 30 days of the agreement taking effect.",
    )
    court_confirmation_state = fields.Selection(
        [
            ("none", "Not Applied"),
            ("applied", "Applied"),
            ("confirmed", "Confirmed"),
            ("waived", "Not Needed"),
        ],
        string="Judicial Confirmation",
        required=True,
        default="none",
        tracking=True,
        copy=False,
    )
    reminder_done = fields.Boolean(readonly=True, copy=False)
    superseded_by_id = fields.Many2one(
        "mediation.agreement", readonly=True, copy=False, string="Superseded by"
    )
    community_id = fields.Many2one(related="case_id.community_id", store=True, index=True)
    user_id = fields.Many2one(related="case_id.user_id", store=True, index=True)
    second_user_id = fields.Many2one(related="case_id.second_user_id", store=True, index=True)

    _sql_constraints = [
        (
            "version_uniq",
            "unique(case_id, version)",
            "This case already has an agreement of that version.",
        ),
    ]

    @api.depends("case_id.name", "version")
    def _compute_name(self):
        # the title is stored once and read by everyone: in the communities'
        # language, whoever creates the agreement
        env = self.with_context(lang=community_lang(self.env)).env
        for agreement in self:
            agreement.name = env._(
                "%(case)s Agreement v%(version)s",
                case=agreement.case_id.name or "",
                version=agreement.version,
            )

    @api.depends("date_issued")
    def _compute_court_deadline(self):
        for agreement in self:
            agreement.court_deadline = (
                agreement.date_issued + timedelta(days=COURT_CONFIRMATION_DAYS)
                if agreement.date_issued
                else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("case_id") and "version" not in vals:
                last = self.sudo().search(
                    [("case_id", "=", vals["case_id"])], order="version desc", limit=1
                )
                vals["version"] = last.version + 1
        return super().create(vals_list)

    def write(self, vals):
        locked = self.filtered(lambda a: a.state != "draft")
        if locked and set(vals) - MUTABLE_WHEN_ISSUED:
            raise UserError(
                self.env._(
                    "Agreement %(name)s is issued and cannot be edited: create a new "
                    "version that supersedes it.",
                    name=locked[0].name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        locked = self.filtered(lambda a: a.state != "draft")
        if locked:
            raise UserError(
                self.env._(
                    "Agreement %(name)s was issued and stays on file; only drafts can be deleted.",
                    name=locked[0].name,
                )
            )

    def action_issue(self):
        for agreement in self:
            if agreement.state != "draft":
                raise UserError(
                    self.env._("Agreement %(name)s is already issued.", name=agreement.name)
                )
            missing = [
                label
                for field, label in (
                    ("facts", self.env._("facts")),
                    ("terms", self.env._("agreed terms")),
                )
                if not (agreement[field] or "").strip()
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Fill in the %(missing)s of agreement %(name)s before issuing it.",
                        missing=", ".join(missing),
                        name=agreement.name,
                    )
                )
            if not agreement.case_id.party_ids:
                raise UserError(
                    self.env._(
                        "Case %(case)s has no parties to sign the agreement.",
                        case=agreement.case_id.name,
                    )
                )
            previous = agreement.case_id.agreement_ids.filtered(
                lambda a, current=agreement: a.state == "issued" and a != current
            )
            agreement.write({"state": "issued", "date_issued": fields.Date.context_today(self)})
            previous.write({"state": "superseded", "superseded_by_id": agreement.id})
            agreement.case_id.message_post(
                body=self.env._("Agreement %(name)s issued.", name=agreement.name)
            )

    def action_new_version(self):
        """A corrected agreement: a draft copy that supersedes this one once issued."""
        self.ensure_one()
        if self.state != "issued":
            raise UserError(self.env._("Only the issued agreement of a case can be superseded."))
        new = self.copy({"version": self.version + 1})
        return {
            "type": "ir.actions.act_window",
            "res_model": "mediation.agreement",
            "res_id": new.id,
            "view_mode": "form",
        }

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Mediation Agreement %(name)s", name=self.name)

    def action_print(self):
        self.ensure_one()
        return self.env.ref("community_mediation.action_report_mediation_agreement").report_action(
            self
        )

    @api.model
    def _cron_court_confirmation_reminder(self):
        """Remind the mediator, a week before the window closes, that the
        parties may still apply for judicial confirmation."""
        today = fields.Date.context_today(self)
        due = self.search(
            [
                ("state", "=", "issued"),
                ("court_confirmation_state", "=", "none"),
                ("reminder_done", "=", False),
                ("court_deadline", "<=", today + timedelta(days=REMINDER_DAYS_BEFORE)),
                ("court_deadline", ">=", today),
            ]
        )
        for agreement in due:
            case = agreement.case_id
            note = self.env._(
                "The parties of %(name)s may apply to the court for judicial "
                "confirmation until %(deadline)s.",
                name=agreement.name,
                deadline=agreement.court_deadline,
            )
            user = case.user_id or case.second_user_id
            if user:
                case.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=agreement.court_deadline,
                    user_id=user.id,
                    summary=self.env._("Judicial confirmation window closes soon"),
                    note=note,
                )
            else:
                case.message_post(body=note)
        due.write({"reminder_done": True})
        return due
