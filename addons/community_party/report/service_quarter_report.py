from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, models


def _parse_int(value, low, high):
    """``value`` as an integer between ``low`` and ``high``, else None."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


class ServiceQuarterReport(models.AbstractModel):
    """Quarterly 双报到 report per employer unit: members, registration rate
    and hours served."""

    _name = "report.community_party.report_service_quarter"
    _description = "Quarterly In-service Members Report"

    @api.model
    def _get_lines(self, year, quarter, employer_ids=None):
        date_from = date(year, 3 * (quarter - 1) + 1, 1)
        date_to = date_from + relativedelta(months=3, days=-1)
        domain = [("member_type", "=", "in_service"), ("state", "=", "active")]
        if employer_ids:
            domain.append(("employer_id", "in", employer_ids))
        Member = self.env["party.member"]
        members = {
            employer: (count, registered)
            for employer, count, registered in Member._read_group(
                domain, ["employer_id"], ["__count", "registration_date:count"]
            )
        }
        log_domain = [("date", ">=", date_from), ("date", "<=", date_to)]
        log_domain += [("member_id." + leaf[0], *leaf[1:]) for leaf in domain]
        hours = dict(
            self.env["party.service.log"]._read_group(log_domain, ["employer_id"], ["hours:sum"])
        )
        lines = []
        for employer, (count, registered) in sorted(members.items(), key=lambda i: i[0].name):
            lines.append(
                {
                    "employer": employer,
                    "members": count,
                    "registered": registered,
                    "rate": registered / count if count else 0.0,
                    "hours": hours.get(employer, 0.0),
                    "hours_per_member": hours.get(employer, 0.0) / count if count else 0.0,
                }
            )
        return {"date_from": date_from, "date_to": date_to, "lines": lines}

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        today = date.today()
        # the year and quarter may come from a URL: anything else means this quarter
        year = _parse_int(data.get("year"), 2000, 2100) or today.year
        quarter = _parse_int(data.get("quarter"), 1, 4) or (today.month - 1) // 3 + 1
        values = self._get_lines(year, quarter, data.get("employer_ids"))
        values.update({"year": year, "quarter": quarter, "doc_ids": docids, "docs": []})
        return values
