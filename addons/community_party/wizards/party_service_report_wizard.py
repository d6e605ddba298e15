from odoo import fields, models


class PartyServiceReportWizard(models.TransientModel):
    _name = "party.service.report.wizard"
    _description = "Quarterly In-service Members Report"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    quarter = fields.Selection(
        [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")],
        required=True,
        default=lambda self: str((fields.Date.context_today(self).month - 1) // 3 + 1),
    )
    employer_ids = fields.Many2many(
        "res.partner",
        string="Employer Units",
        domain="[('is_company', '=', True)]",
        help="Leave empty for every unit with in-service members.",
    )

    def _report_data(self):
        self.ensure_one()
        return {
            "year": self.year,
            "quarter": int(self.quarter),
            "employer_ids": self.employer_ids.ids,
        }

    def action_print_pdf(self):
        return self.env.ref("community_party.action_report_service_quarter").report_action(
            self, data=self._report_data()
        )

    def action_export_xlsx(self):
        data = self._report_data()
        employers = ",".join(str(i) for i in data["employer_ids"])
        return {
            "type": "ir.actions.act_url",
            "url": f"/community_party/service_quarter.xlsx?year={data['year']}"
            f"&quarter={data['quarter']}&employers={employers}",
            "target": "self",
        }
