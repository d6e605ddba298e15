from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

from odoo.addons.community_grid.tools import parse_id


class MediationExport(http.Controller):
    @http.route("/mediation/cases/xlsx", type="http", auth="user")
    def export_cases_xlsx(self, ids="", **kw):
        """The selected cases as an Excel workbook, read with the user's rights."""
        case_ids = [case_id for case_id in map(parse_id, str(ids).split(",")) if case_id]
        cases = request.env["mediation.case"].browse(case_ids).exists()
        try:
            cases.check_access("read")
        except AccessError as exc:
            raise Forbidden() from exc
        return request.make_response(
            cases._export_xlsx(),
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition("mediation_cases.xlsx")),
            ],
        )
