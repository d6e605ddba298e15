from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.community_grid.models.community_event import OPEN_STATES as OPEN_EVENT_STATES

PERIODS = [("month", "This Month"), ("quarter", "This Quarter"), ("year", "This Year")]


class GovernanceCockpit(models.Model):
    """The manager's cockpit: one row per community and period (this month,
    quarter, year) with the figures a street office is assessed on, across
    the four addons.

    A reporting model on a SQL view, as Odoo's own reports (``sale.report``,
    ``project.task.burndown.chart.report``): the figures read the stored
    fields the addons compute themselves (``on_time_rate``, ``success_rate``,
    ``compliance_status``, ``staffing_status``, service hours), so there is
    one definition of each; the rows are scoped by record rules on
    ``community_id`` as every other model of the platform. Every figure has an
    ``action_open_*`` that opens the records behind it, read with the user's
    own rights."""

    _name = "governance.cockpit"
    _description = "Governance Cockpit"
    _auto = False
    _order = "street_id, community_id, period"
    _rec_name = "community_id"
    # flushed before the view is read, so that the figures see pending writes
    _depends = {
        "community.area": ["area_type", "street_id", "district_id", "active"],
        "community.event": [
            "community_id",
            "state",
            "date_reported",
            "date_handled",
            "date_closed",
            "deadline",
            "on_time_rate",
            "rating",
            "problem_case",
        ],
        "mediation.case": [
            "community_id",
            "date_registered",
            "outcome",
            "success_rate",
            "risk_level",
            "state",
            "active",
        ],
        "owners.committee": ["community_id", "compliance_status", "active"],
        "party.member": ["community_id", "member_type", "state"],
        "party.service.log": ["community_id", "date", "hours"],
        "res.partner": ["resident_community_id", "is_resident", "active"],
        "volunteer.registration": [
            "community_id",
            "state",
            "activity_start",
            "hours",
            "profile_id",
        ],
        "community.grid": ["community_id", "staffing_status", "active"],
    }

    community_id = fields.Many2one("community.area", readonly=True)
    street_id = fields.Many2one("community.area", string="Street / Town", readonly=True)
    district_id = fields.Many2one("community.area", readonly=True)
    period = fields.Selection(PERIODS, readonly=True)
    date_from = fields.Datetime(string="From", readonly=True)
    date_to = fields.Datetime(string="To", readonly=True)
    # grid events
    events_reported = fields.Integer(readonly=True)
    events_reported_prev = fields.Integer(string="Reported (Previous Period)", readonly=True)
    events_closed = fields.Integer(string="Events Answered", readonly=True)
    events_closed_prev = fields.Integer(string="Answered (Previous Period)", readonly=True)
    events_overdue = fields.Integer(string="Overdue Now", readonly=True)
    events_transferred = fields.Integer(string="Handed Over Now", readonly=True)
    on_time_rate = fields.Float(
        string="On-time Rate (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    satisfaction = fields.Float(
        string="Satisfaction (1-5)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    problem_cases = fields.Integer(readonly=True)
    # mediation
    cases_received = fields.Integer(string="Mediation Cases Received", readonly=True)
    cases_agreement = fields.Integer(string="Agreements Reached", readonly=True)
    case_success_rate = fields.Float(
        string="Mediation Success Rate (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    cases_high_risk = fields.Integer(string="High-risk Cases Open", readonly=True)
    # red property
    committees_total = fields.Integer(string="Owners' Committees", readonly=True)
    committees_compliant = fields.Integer(string="Committees Meeting the 50% Rule", readonly=True)
    # party
    in_service_members = fields.Integer(string="双报到 Members", readonly=True)
    party_hours = fields.Float(
        string="Party Service Hours", readonly=True, aggregator="sum", digits=(16, 1)
    )
    # volunteers
    residents = fields.Integer(readonly=True)
    volunteers_active = fields.Integer(string="Active Volunteers", readonly=True)
    volunteers_per_100 = fields.Float(
        string="Volunteers per 100 Residents", readonly=True, aggregator="avg", digits=(16, 1)
    )
    volunteer_hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 1))
    # grids
    grids_total = fields.Integer(string="Grids", readonly=True)
    grids_understaffed = fields.Integer(string="Grids Not Fully Staffed", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
WITH periods AS (
    SELECT p.period, p.idx, p.d_from, p.d_to, p.d_from - (p.d_to - p.d_from) AS prev_from
      FROM (
        SELECT 'month' AS period, 1 AS idx,
               date_trunc('month', now() AT TIME ZONE 'UTC') AS d_from,
               date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month' AS d_to
        UNION ALL
        SELECT 'quarter', 2, date_trunc('quarter', now() AT TIME ZONE 'UTC'),
               date_trunc('quarter', now() AT TIME ZONE 'UTC') + interval '3 months'
        UNION ALL
        SELECT 'year', 3, date_trunc('year', now() AT TIME ZONE 'UTC'),
               date_trunc('year', now() AT TIME ZONE 'UTC') + interval '1 year'
      ) p
)
SELECT a.id * 10 + p.idx AS id,
       a.id AS community_id,
       a.street_id AS street_id,
       a.district_id AS district_id,
       p.period AS period,
       p.d_from AS date_from,
       p.d_to AS date_to,
       COALESCE(ev.reported, 0) AS events_reported,
       COALESCE(ev.reported_prev, 0) AS events_reported_prev,
       COALESCE(ev.closed, 0) AS events_closed,
       COALESCE(ev.closed_prev, 0) AS events_closed_prev,
       COALESCE(ev.overdue, 0) AS events_overdue,
       COALESCE(ev.transferred, 0) AS events_transferred,
       COALESCE(ev.on_time_rate, 0) AS on_time_rate,
       COALESCE(ev.satisfaction, 0) AS satisfaction,
       COALESCE(ev.problem, 0) AS problem_cases,
       COALESCE(mc.received, 0) AS cases_received,
       COALESCE(mc.agreement, 0) AS cases_agreement,
       COALESCE(mc.success_rate, 0) AS case_success_rate,
       COALESCE(mc.high_risk, 0) AS cases_high_risk,
       COALESCE(oc.total, 0) AS committees_total,
       COALESCE(oc.compliant, 0) AS committees_compliant,
       COALESCE(pm.in_service, 0) AS in_service_members,
       COALESCE(ps.hours, 0) AS party_hours,
       COALESCE(rp.residents, 0) AS residents,
       COALESCE(vo.active, 0) AS volunteers_active,
       CASE WHEN COALESCE(rp.residents, 0) > 0
            THEN 100.0 * COALESCE(vo.active, 0) / rp.residents ELSE 0 END AS volunteers_per_100,
       COALESCE(vo.hours, 0) AS volunteer_hours,
       COALESCE(gr.total, 0) AS grids_total,
       COALESCE(gr.understaffed, 0) AS grids_understaffed
  FROM community_area a
 CROSS JOIN periods p
  LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE e.date_reported >= p.d_from AND e.date_reported < p.d_to)
                   AS reported,
               count(*) FILTER (WHERE e.date_reported >= p.prev_from
                                  AND e.date_reported < p.d_from) AS reported_prev,
               count(*) FILTER (WHERE e.state IN ('handled', 'closed')
                                  AND e.date_handled >= p.d_from AND e.date_handled < p.d_to)
                   AS closed,
               count(*) FILTER (WHERE e.state IN ('handled', 'closed')
                                  AND e.date_handled >= p.prev_from
                                  AND e.date_handled < p.d_from) AS closed_prev,
               count(*) FILTER (WHERE e.state IN %(open_states)s
                                  AND e.deadline < now() AT TIME ZONE 'UTC') AS overdue,
               count(*) FILTER (WHERE e.state IN ('transferred', 'referred')) AS transferred,
               avg(e.on_time_rate) FILTER (WHERE e.state IN ('handled', 'closed')
                                             AND e.date_handled >= p.d_from
                                             AND e.date_handled < p.d_to) AS on_time_rate,
               avg(e.rating) FILTER (WHERE e.rating > 0 AND e.date_closed >= p.d_from
                                       AND e.date_closed < p.d_to) AS satisfaction,
               count(*) FILTER (WHERE e.problem_case AND e.state IN %(open_states)s) AS problem
          FROM community_event e
         WHERE e.community_id = a.id
  ) ev ON TRUE
  LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE c.date_registered >= p.d_from
                                  AND c.date_registered < p.d_to) AS received,
               count(*) FILTER (WHERE c.outcome = 'reached' AND c.date_registered >= p.d_from
                                  AND c.date_registered < p.d_to) AS agreement,
               avg(c.success_rate) FILTER (WHERE c.outcome IS NOT NULL
                                             AND c.date_registered >= p.d_from
                                             AND c.date_registered < p.d_to) AS success_rate,
               count(*) FILTER (WHERE c.risk_level = 'high' AND c.state != 'closed') AS high_risk
          FROM mediation_case c
         WHERE c.community_id = a.id AND c.active
  ) mc ON TRUE
  LEFT JOIN LATERAL (
        SELECT count(*) AS total,
               count(*) FILTER (WHERE o.compliance_status = 'compliant') AS compliant
          FROM owners_committee o
         WHERE o.community_id = a.id AND o.active
  ) oc ON TRUE
  LEFT JOIN LATERAL (
        SELECT count(*) AS in_service
          FROM party_member m
         WHERE m.community_id = a.id AND m.member_type = 'in_service' AND m.state = 'active'
  ) pm ON TRUE
  LEFT JOIN LATERAL (
        SELECT sum(l.hours) AS hours
          FROM party_service_log l
         WHERE l.community_id = a.id AND l.date >= p.d_from::date AND l.date < p.d_to::date
  ) ps ON TRUE
  LEFT JOIN LATERAL (
        SELECT count(*) AS residents
          FROM res_partner r
         WHERE r.resident_community_id = a.id AND r.is_resident AND r.active
  ) rp ON TRUE
  LEFT JOIN LATERAL (
        SELECT count(DISTINCT g.profile_id) AS active, sum(g.hours) AS hours
          FROM volunteer_registration g
         WHERE g.community_id = a.id AND g.state = 'attended'
           AND g.activity_start >= p.d_from AND g.activity_start < p.d_to
  ) vo ON TRUE
  LEFT JOIN LATERAL (
        SELECT count(*) AS total,
               count(*) FILTER (WHERE gd.staffing_status != 'ok') AS understaffed
          FROM community_grid gd
         WHERE gd.community_id = a.id AND gd.active
  ) gr ON TRUE
 WHERE a.area_type IN ('community', 'village') AND a.active
            """,
            open_states=OPEN_EVENT_STATES,
        )

    # ------------------------------------------------------------------
    # drill-down: every figure opens the records behind it
    # ------------------------------------------------------------------

    def _period_domain(self, field, previous=False):
        self.ensure_one()
        date_from, date_to = self.date_from, self.date_to
        if previous:
            date_from, date_to = date_from - (date_to - date_from), date_from
        return [(field, ">=", date_from), (field, "<", date_to)]

    def _open(self, model, name, domain):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.community_id.name} · {name}",
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "context": {"create": False},
        }

    def _community(self):
        return [("community_id", "=", self.community_id.id)]

    # The domains below are the figures' definitions, in ORM terms; the tests
    # check that the SQL gives the same counts.

    def _domain_events_reported(self, previous=False):
        return self._community() + self._period_domain("date_reported", previous)

    def _domain_events_closed(self, previous=False):
        return [
            *self._community(),
            ("state", "in", ("handled", "closed")),
            *self._period_domain("date_handled", previous),
        ]

    def _domain_events_overdue(self):
        return [*self._community(), ("sla_state", "=", "overdue")]

    def _domain_events_transferred(self):
        return [*self._community(), ("state", "in", ("transferred", "referred"))]

    def _domain_problem_cases(self):
        return [*self._community(), ("problem_case", "=", True), ("state", "in", OPEN_EVENT_STATES)]

    def _domain_cases_received(self):
        return self._community() + self._period_domain("date_registered")

    def _domain_cases_agreement(self):
        return [*self._domain_cases_received(), ("outcome", "=", "reached")]

    def _domain_cases_high_risk(self):
        return [*self._community(), ("risk_level", "=", "high"), ("state", "!=", "closed")]

    def action_open_events_reported(self):
        return self._open(
            "community.event", self.env._("Events Reported"), self._domain_events_reported()
        )

    def action_open_events_reported_prev(self):
        return self._open(
            "community.event",
            self.env._("Reported (Previous Period)"),
            self._domain_events_reported(previous=True),
        )

    def action_open_events_closed(self):
        return self._open(
            "community.event", self.env._("Events Answered"), self._domain_events_closed()
        )

    def action_open_events_overdue(self):
        return self._open(
            "community.event", self.env._("Overdue Now"), self._domain_events_overdue()
        )

    def action_open_events_transferred(self):
        return self._open(
            "community.event", self.env._("Handed Over Now"), self._domain_events_transferred()
        )

    def action_open_problem_cases(self):
        return self._open(
            "community.event", self.env._("Problem Cases"), self._domain_problem_cases()
        )

    def action_open_cases_received(self):
        return self._open(
            "mediation.case", self.env._("Mediation Cases Received"), self._domain_cases_received()
        )

    def action_open_cases_agreement(self):
        return self._open(
            "mediation.case", self.env._("Agreements Reached"), self._domain_cases_agreement()
        )

    def action_open_cases_high_risk(self):
        return self._open(
            "mediation.case", self.env._("High-risk Cases Open"), self._domain_cases_high_risk()
        )

    def action_open_committees(self):
        return self._open("owners.committee", self.env._("Owners' Committees"), self._community())

    def action_open_in_service_members(self):
        return self._open(
            "party.member",
            self.env._("双报到 Members"),
            [*self._community(), ("member_type", "=", "in_service"), ("state", "=", "active")],
        )

    def action_open_party_hours(self):
        self.ensure_one()
        return self._open(
            "party.service.log",
            self.env._("Party Service Hours"),
            [
                *self._community(),
                ("date", ">=", self.date_from.date()),
                ("date", "<", self.date_to.date()),
            ],
        )

    def action_open_volunteer_hours(self):
        return self._open(
            "volunteer.registration",
            self.env._("Volunteer Hours"),
            [
                *self._community(),
                ("state", "=", "attended"),
                *self._period_domain("activity_start"),
            ],
        )

    def action_open_grids(self):
        return self._open("community.grid", self.env._("Grids"), self._community())
