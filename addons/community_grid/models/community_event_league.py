from odoo import api, fields, models, tools
from odoo.tools import SQL

# Open states of an event, as community.event's OPEN_STATES.
OPEN_STATES = ("new", "accepted", "whistled", "waiting")


class CommunityEventLeague(models.Model):
    """League table of communities: how they handle the events of their grids.

    Rates and averages are NULL where there is nothing to measure (no event
    handled, none rated): a community without data shows an empty cell, not
    a 0 that ranks it last. Totals and group rows are weighted: they are
    computed from the sums behind each rate (``_read_group_select``), never
    as the mean of the rates shown."""

    _name = "community.event.league"
    _description = "Event League Table by Community"
    _auto = False
    _order = "street_id, rank, community_id"
    _rec_name = "community_id"

    rank = fields.Integer(
        readonly=True,
        aggregator=False,
        help="Rank of the community within its street: on-time rate, then satisfaction, "
        "then events handled.",
    )
    community_id = fields.Many2one("community.area", readonly=True)
    community_name = fields.Char(related="community_id.name", string="Community Name")
    street_id = fields.Many2one("community.area", string="Street / Town", readonly=True)
    event_count = fields.Integer(string="Events", readonly=True)
    open_count = fields.Integer(string="Open", readonly=True)
    overdue_count = fields.Integer(string="Overdue", readonly=True)
    handled_count = fields.Integer(string="Handled", readonly=True)
    timed_count = fields.Integer(
        string="Handled (timed)", readonly=True, help="Events with a handling date."
    )
    on_time_count = fields.Integer(string="Handled On Time", readonly=True)
    on_time_rate = fields.Float(
        string="On-time Rate (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    handling_hours_sum = fields.Float(string="Handling Hours (total)", readonly=True)
    avg_handling_hours = fields.Float(
        string="Average Handling Time (h)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    rated_count = fields.Integer(string="Ratings", readonly=True)
    rating_sum = fields.Integer(string="Rating Points", readonly=True)
    avg_rating = fields.Float(
        string="Satisfaction (1–5)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    reopen_count = fields.Integer(string="Reopenings", readonly=True)
    problem_count = fields.Integer(string="Problem Cases", readonly=True)

    # aggregate -> (numerator field, denominator field, factor): the weighted
    # average of a group is SUM(numerator) * factor / SUM(denominator)
    _weighted = {
        "on_time_rate:avg": ("on_time_count", "timed_count", 100.0),
        "avg_handling_hours:avg": ("handling_hours_sum", "timed_count", 1.0),
        "avg_rating:avg": ("rating_sum", "rated_count", 1.0),
    }

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(table)s AS (
              WITH league AS (
                SELECT e.community_id AS id,
                       e.community_id,
                       e.street_id,
                       COUNT(*) AS event_count,
                       COUNT(*) FILTER (WHERE e.state IN %(open)s) AS open_count,
                       COUNT(*) FILTER (WHERE e.state IN %(open)s
                                          AND e.deadline < (now() AT TIME ZONE 'UTC'))
                           AS overdue_count,
                       COUNT(*) FILTER (WHERE e.state IN ('handled', 'closed')) AS handled_count,
                       COUNT(*) FILTER (WHERE e.date_handled IS NOT NULL) AS timed_count,
                       COUNT(*) FILTER (WHERE e.date_handled IS NOT NULL AND e.handled_on_time)
                           AS on_time_count,
                       COALESCE(SUM(e.handling_hours) FILTER (WHERE e.date_handled IS NOT NULL), 0)
                           AS handling_hours_sum,
                       COUNT(*) FILTER (WHERE e.rating > 0) AS rated_count,
                       COALESCE(SUM(e.rating) FILTER (WHERE e.rating > 0), 0) AS rating_sum,
                       COALESCE(SUM(e.reopen_count), 0) AS reopen_count,
                       COUNT(*) FILTER (WHERE e.problem_case) AS problem_count
                  FROM community_event e
              GROUP BY e.community_id, e.street_id
              )
              SELECT league.*,
                     100.0 * on_time_count / NULLIF(timed_count, 0) AS on_time_rate,
                     handling_hours_sum / NULLIF(timed_count, 0) AS avg_handling_hours,
                     1.0 * rating_sum / NULLIF(rated_count, 0) AS avg_rating,
                     RANK() OVER (
                         PARTITION BY street_id
                         ORDER BY 100.0 * on_time_count / NULLIF(timed_count, 0)
                                      DESC NULLS LAST,
                                  1.0 * rating_sum / NULLIF(rated_count, 0) DESC NULLS LAST,
                                  handled_count DESC
                     ) AS rank
                FROM league
            )
            """,
                table=SQL.identifier(self._table),
                open=OPEN_STATES,
            )
        )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in self._weighted:
            numerator, denominator, factor = self._weighted[aggregate_spec]
            return SQL(
                "SUM(%(num)s) * %(factor)s / NULLIF(SUM(%(den)s), 0)",
                num=self._field_to_sql(self._table, numerator, query),
                den=self._field_to_sql(self._table, denominator, query),
                factor=factor,
            )
        return super()._read_group_select(aggregate_spec, query)

    def _empty_figures(self):
        """The figures of this row that have nothing to measure."""
        self.ensure_one()
        return {
            spec.split(":")[0]
            for spec, (_num, denominator, _factor) in self._weighted.items()
            if not self[denominator]
        }

    @api.readonly
    def action_export_xlsx(self):
        return {
            "type": "ir.actions.act_url",
            "url": "/community_grid/league.xlsx",
            "target": "self",
        }


class CommunityDepartmentLeague(models.Model):
    """League table of departments: how they answer what each street summons.

    One row per department and street, so that a street manager reads what
    their street summoned (record rule on ``street_id``); the average answer
    time is NULL where nothing is answered yet, and group rows are weighted."""

    _name = "community.department.league"
    _description = "Event League Table by Department"
    _auto = False
    _order = "answered_rate desc, avg_answer_hours"
    _rec_name = "department_id"

    department_id = fields.Many2one("community.department", readonly=True)
    street_id = fields.Many2one("community.area", string="Street / Town", readonly=True)
    task_count = fields.Integer(string="Tasks", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    answered_rate = fields.Float(
        string="Answered (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    answer_hours_sum = fields.Float(string="Answer Hours (total)", readonly=True)
    avg_answer_hours = fields.Float(
        string="Average Answer Time (h)", readonly=True, aggregator="avg", digits=(16, 1)
    )

    _weighted = {
        "answered_rate:avg": ("answered_count", "task_count", 100.0),
        "avg_answer_hours:avg": ("answer_hours_sum", "answered_count", 1.0),
    }

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT MIN(t.id) AS id,
                       t.department_id,
                       e.street_id,
                       COUNT(*) AS task_count,
                       COUNT(*) FILTER (WHERE t.state = 'answered') AS answered_count,
                       100.0 * COUNT(*) FILTER (WHERE t.state = 'answered') / COUNT(*)
                           AS answered_rate,
                       COALESCE(SUM(EXTRACT(EPOCH FROM (t.date_answered - t.create_date)) / 3600.0)
                           FILTER (WHERE t.state = 'answered'), 0) AS answer_hours_sum,
                       AVG(EXTRACT(EPOCH FROM (t.date_answered - t.create_date)) / 3600.0)
                           FILTER (WHERE t.state = 'answered') AS avg_answer_hours
                  FROM community_event_task t
                  JOIN community_event e ON e.id = t.event_id
              GROUP BY t.department_id, e.street_id
            )
            """,
                SQL.identifier(self._table),
            )
        )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in self._weighted:
            numerator, denominator, factor = self._weighted[aggregate_spec]
            return SQL(
                "SUM(%(num)s) * %(factor)s / NULLIF(SUM(%(den)s), 0)",
                num=self._field_to_sql(self._table, numerator, query),
                den=self._field_to_sql(self._table, denominator, query),
                factor=factor,
            )
        return super()._read_group_select(aggregate_spec, query)

    def _empty_figures(self):
        """The figures of this row that have nothing to measure."""
        self.ensure_one()
        return {
            spec.split(":")[0]
            for spec, (_num, denominator, _factor) in self._weighted.items()
            if not self[denominator]
        }

    @api.readonly
    def action_export_xlsx(self):
        return {
            "type": "ir.actions.act_url",
            "url": "/community_grid/league.xlsx",
            "target": "self",
        }
