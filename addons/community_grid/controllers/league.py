import io

import xlsxwriter

from odoo import http
from odoo.http import content_disposition, request

# (field, column width) of each sheet, in the order of the league tables.
COMMUNITY_COLUMNS = [
    ("street_id", 14),
    ("rank", 6),
    ("community_name", 16),
    ("event_count", 8),
    ("open_count", 8),
    ("overdue_count", 8),
    ("handled_count", 8),
    ("on_time_rate", 12),
    ("avg_handling_hours", 14),
    ("avg_rating", 12),
    ("reopen_count", 10),
    ("problem_count", 10),
]
DEPARTMENT_COLUMNS = [
    ("department_id", 24),
    ("street_id", 14),
    ("task_count", 8),
    ("answered_count", 8),
    ("answered_rate", 12),
    ("avg_answer_hours", 16),
]


class LeagueExport(http.Controller):
    """The league tables as an xlsx workbook, read with the user's rights."""

    def _write_sheet(self, workbook, title, model, columns):
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        number = workbook.add_format({"num_format": "0.0"})
        sheet = workbook.add_worksheet(title)
        records = request.env[model].search([])
        fields_info = records.fields_get([name for name, _width in columns], ["string", "type"])
        for col, (name, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(0, col, fields_info[name]["string"], header)
        for row, record in enumerate(records, start=1):
            for col, (name, _width) in enumerate(columns):
                value = record[name]
                if name in record._empty_figures():
                    sheet.write(row, col, "—")
                elif fields_info[name]["type"] == "many2one":
                    sheet.write(row, col, value.display_name or "")
                elif fields_info[name]["type"] == "float":
                    sheet.write_number(row, col, value, number)
                else:
                    sheet.write(row, col, value)
        sheet.freeze_panes(1, 0)

    @http.route("/community_grid/league.xlsx", type="http", auth="user", readonly=True)
    def league_xlsx(self, **kw):
        env = request.env
        if not env.user.has_group("community_grid.group_community_staff"):
            raise request.not_found()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        self._write_sheet(
            workbook, env._("Communities"), "community.event.league", COMMUNITY_COLUMNS
        )
        if env["community.department.league"].has_access("read"):
            self._write_sheet(
                workbook, env._("Departments"), "community.department.league", DEPARTMENT_COLUMNS
            )
        workbook.close()
        filename = env._("Event League Table") + ".xlsx"
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
