from odoo import api, fields, models, tools
from odoo.tools import SQL


class CommunityEventLeague(models.Model):
    """League table of communities: how they handle the events of their grids."""

    _name = "community.event.league"
    _description = "Event League Table by Community"
    _auto = False
    _order = "on_time_rate desc, avg_rating desc, event_count desc"
    _rec_name = "community_id"

    community_id = fields.Many2one("community.area", readonly=True)
    street_id = fields.Many2one("community.area", string="Street / Town", readonly=True)
    event_count = fields.Integer(string="Events", readonly=True)
    open_count = fields.Integer(string="Open", readonly=True)
    overdue_count = fields.Integer(string="Overdue", readonly=True)
    handled_count = fields.Integer(string="Handled", readonly=True)
    on_time_rate = fields.Float(
        string="On-time Rate (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    avg_handling_hours = fields.Float(
        string="Average Handling Time (h)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    avg_rating = fields.Float(
        string="Satisfaction (1–5)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    reopen_count = fields.Integer(string="Reopenings", readonly=True)
    problem_count = fields.Integer(string="Problem Cases", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT e.community_id AS id,
                       e.community_id,
                       e.street_id,
                       COUNT(*) AS event_count,
                       COUNT(*) FILTER (WHERE e.state IN ('new', 'accepted', 'whistled', 'waiting'))
                           AS open_count,
                       COUNT(*) FILTER (WHERE e.state IN ('new', 'accepted', 'whistled', 'waiting')
                                          AND e.deadline < (now() AT TIME ZONE 'UTC'))
                           AS overdue_count,
                       COUNT(*) FILTER (WHERE e.state IN ('handled', 'closed')) AS handled_count,
                       COALESCE(AVG(e.on_time_rate) FILTER (WHERE e.date_handled IS NOT NULL), 0)
                           AS on_time_rate,
                       COALESCE(AVG(e.handling_hours) FILTER (WHERE e.date_handled IS NOT NULL), 0)
                           AS avg_handling_hours,
                       COALESCE(AVG(e.rating) FILTER (WHERE e.rating > 0), 0) AS avg_rating,
                       COALESCE(SUM(e.reopen_count), 0) AS reopen_count,
                       COUNT(*) FILTER (WHERE e.problem_case) AS problem_count
                  FROM community_event e
              GROUP BY e.community_id, e.street_id
            )
            """,
                SQL.identifier(self._table),
            )
        )

    @api.readonly
    def action_export_xlsx(self):
        return {
            "type": "ir.actions.act_url",
            "url": "/community_grid/league.xlsx",
            "target": "self",
        }


class CommunityDepartmentLeague(models.Model):
    """League table of departments: how they answer what the street summons."""

    _name = "community.department.league"
    _description = "Event League Table by Department"
    _auto = False
    _order = "answered_rate desc, avg_answer_hours"
    _rec_name = "department_id"

    department_id = fields.Many2one("community.department", readonly=True)
    task_count = fields.Integer(string="Tasks", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    answered_rate = fields.Float(
        string="Answered (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    avg_answer_hours = fields.Float(
        string="Average Answer Time (h)", readonly=True, aggregator="avg", digits=(16, 1)
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT t.department_id AS id,
                       t.department_id,
                       COUNT(*) AS task_count,
                       COUNT(*) FILTER (WHERE t.state = 'answered') AS answered_count,
                       100.0 * COUNT(*) FILTER (WHERE t.state = 'answered') / COUNT(*)
                           AS answered_rate,
                       COALESCE(AVG(EXTRACT(EPOCH FROM (t.date_answered - t.create_date)) / 3600.0)
                           FILTER (WHERE t.state = 'answered'), 0) AS avg_answer_hours
                  FROM community_event_task t
              GROUP BY t.department_id
            )
            """,
                SQL.identifier(self._table),
            )
        )

    @api.readonly
    def action_export_xlsx(self):
        return {
            "type": "ir.actions.act_url",
            "url": "/community_grid/league.xlsx",
            "target": "self",
        }
