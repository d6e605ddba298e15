import io

import xlsxwriter

from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.community_grid.tools import parse_id


class CommunityPartyXlsx(http.Controller):
    """xlsx exports: the red-property compliance table and the quarterly
    双报到 report. Records are read as the user: record rules apply."""

    def _xlsx_response(self, filename, title, header, rows):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(title[:31])
        bold = workbook.add_format({"bold": True})
        percent = workbook.add_format({"num_format": "0%"})
        sheet.write(0, 0, title, bold)
        for col, label in enumerate(header):
            sheet.write(2, col, label, bold)
            sheet.set_column(col, col, 18)
        for row_index, row in enumerate(rows, start=3):
            for col, value in enumerate(row):
                if isinstance(value, tuple):
                    sheet.write(row_index, col, value[0], percent)
                else:
                    sheet.write(row_index, col, value)
        workbook.close()
        return request.make_response(
            output.getvalue(),
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    @http.route("/community_party/compliance.xlsx", type="http", auth="user")
    def compliance_xlsx(self, **kw):
        env = request.env
        if not env["owners.committee"].has_access("read"):
            raise request.not_found()
        committees = env["owners.committee"].search([])
        status = dict(
            env["owners.committee"]._fields["compliance_status"]._description_selection(env)
        )
        header = [
            env._("Owners' Committee"),
            env._("Estate"),
            env._("Community"),
            env._("Current Term"),
            env._("Members"),
            env._("Party Members"),
            env._("Party Share"),
            env._("Chair Is a Party Member"),
            env._("Rule Status"),
            env._("Property Company"),
            env._("Company Has Party Org."),
            env._("Company Satisfaction"),
        ]
        rows = [
            [
                c.name,
                c.estate_id.name,
                c.community_id.name or "",
                c.current_term_id.name or "",
                c.current_term_id.member_count,
                c.current_term_id.party_member_count,
                (c.current_term_id.party_ratio,),
                env._("Yes") if c.current_term_id.chair_is_party_member else env._("No"),
                status.get(c.compliance_status, ""),
                c.property_company_id.name or "",
                env._("Yes") if c.company_has_party_org else env._("No"),
                round(c.company_rating_avg, 2),
            ]
            for c in committees
        ]
        return self._xlsx_response(
            "red_property_compliance.xlsx", env._("Red Property Compliance"), header, rows
        )

    @http.route("/community_party/service_quarter.xlsx", type="http", auth="user")
    def service_quarter_xlsx(self, year=None, quarter=None, employers="", **kw):
        env = request.env
        if not env["party.member"].has_access("read"):
            raise request.not_found()
        employer_ids = [
            employer_id
            for employer_id in map(parse_id, str(employers or "").split(","))
            if employer_id
        ]
        data = env["report.community_party.report_service_quarter"]._get_report_values(
            [], {"year": year, "quarter": quarter, "employer_ids": employer_ids}
        )
        header = [
            env._("Employer Unit"),
            env._("In-service Members"),
            env._("Registered"),
            env._("Registration Rate"),
            env._("Hours Served"),
            env._("Hours per Member"),
        ]
        rows = [
            [
                line["employer"].name,
                line["members"],
                line["registered"],
                (line["rate"],),
                line["hours"],
                round(line["hours_per_member"], 1),
            ]
            for line in data["lines"]
        ]
        title = env._(
            "In-service Members %(year)s Q%(quarter)s", year=data["year"], quarter=data["quarter"]
        )
        return self._xlsx_response(
            f"service_{data['year']}_Q{data['quarter']}.xlsx", title, header, rows
        )
