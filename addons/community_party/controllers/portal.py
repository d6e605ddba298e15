from odoo import Command, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.community_grid.tools import parse_id, refused_by_constraint
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class CommunityPartyPortal(CustomerPortal):
    """Residents' deliberation in the portal: topics (/my/topics) and votes
    on micro-projects (/my/microprojects)."""

    def _resident_community(self):
        return request.env.user.partner_id.resident_community_id

    def _topic_domain(self):
        partner = request.env.user.partner_id
        return [
            "|",
            ("partner_id", "=", partner.id),
            "&",
            ("community_id", "=", partner.resident_community_id.id),
            ("is_published", "=", True),
        ]

    def _microproject_domain(self):
        partner = request.env.user.partner_id
        return [
            "|",
            ("partner_id", "=", partner.id),
            "&",
            ("community_id", "=", partner.resident_community_id.id),
            ("state", "in", ("voting", "notice", "implementation", "closed")),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "topic_count" in counters:
            Topic = request.env["community.topic"]
            values["topic_count"] = (
                Topic.search_count(self._topic_domain()) if Topic.has_access("read") else 0
            )
        if "property_count" in counters:
            values["property_count"] = len(self._resident_property_contract())
        if "microproject_count" in counters:
            Project = request.env["community.microproject"]
            values["microproject_count"] = (
                Project.search_count(self._microproject_domain())
                if Project.has_access("read")
                else 0
            )
        return values

    # Topics ---------------------------------------------------------------

    @http.route(
        ["/my/topics", "/my/topics/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_topics(self, page=1, **kw):
        Topic = request.env["community.topic"]
        domain = self._topic_domain()
        pager = portal_pager(
            url="/my/topics",
            total=Topic.search_count(domain),
            page=parse_id(page) or 1,
            step=PAGE_SIZE,
        )
        topics = Topic.search(domain, limit=PAGE_SIZE, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "topics": topics,
                "pager": pager,
                "page_name": "topic",
                "community": self._resident_community(),
                "error": kw.get("error"),
            }
        )
        return request.render("community_party.portal_my_topics", values)

    @http.route("/my/topics/new", type="http", auth="user", methods=["POST"], website=True)
    def portal_topic_new(self, name="", description="", **kw):
        return self._propose("community.topic", "/my/topics", name, description)

    @http.route("/my/topics/<int:topic_id>", type="http", auth="user", website=True)
    def portal_topic(self, topic_id, **kw):
        try:
            topic_sudo = self._document_check_access("community.topic", topic_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({"topic": topic_sudo, "page_name": "topic"})
        return request.render("community_party.portal_topic", values)

    # Micro-projects -------------------------------------------------------

    @http.route(
        ["/my/microprojects", "/my/microprojects/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_microprojects(self, page=1, **kw):
        Project = request.env["community.microproject"]
        domain = self._microproject_domain()
        pager = portal_pager(
            url="/my/microprojects",
            total=Project.search_count(domain),
            page=parse_id(page) or 1,
            step=PAGE_SIZE,
        )
        projects = Project.search(domain, limit=PAGE_SIZE, offset=pager["offset"])
        voted = request.env["community.microproject.vote"].search(
            [
                ("project_id", "in", projects.ids),
                ("partner_id", "=", request.env.user.partner_id.id),
            ]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "projects": projects,
                "voted_project_ids": set(voted.project_id.ids),
                "pager": pager,
                "page_name": "microproject",
                "community": self._resident_community(),
                "error": kw.get("error"),
            }
        )
        return request.render("community_party.portal_my_microprojects", values)

    @http.route("/my/microprojects/new", type="http", auth="user", methods=["POST"], website=True)
    def portal_microproject_new(self, name="", description="", **kw):
        return self._propose("community.microproject", "/my/microprojects", name, description)

    def _propose(self, model, url, name, description):
        """A resident's proposal (topic or micro-project) for their community,
        created with their own rights so that the portal rules apply."""
        community = self._resident_community()
        name = (name or "").strip()
        if not community:
            return request.redirect(f"{url}?error=no_community")
        if not name:
            return request.redirect(f"{url}?error=no_name")
        record = request.env[model].create(
            {
                "name": name[:200],
                "description": (description or "").strip(),
                "community_id": community.id,
                "partner_id": request.env.user.partner_id.id,
            }
        )
        return request.redirect(f"{url}/{record.id}")

    @http.route("/my/microprojects/<int:project_id>", type="http", auth="user", website=True)
    def portal_microproject(self, project_id, **kw):
        try:
            project_sudo = self._document_check_access("community.microproject", project_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        my_vote = request.env["community.microproject.vote"].search(
            [("project_id", "=", project_id), ("partner_id", "=", request.env.user.partner_id.id)]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "microproject": project_sudo,
                "my_vote": my_vote,
                "show_results": project_sudo.state in ("notice", "implementation", "closed"),
                # not read from the URL: a link must not put words on the page
                "error": False,
                "page_name": "microproject",
            }
        )
        return request.render("community_party.portal_microproject", values)

    @http.route(
        "/my/microprojects/<int:project_id>/vote",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_microproject_vote(self, project_id, **kw):
        try:
            self._document_check_access("community.microproject", project_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        choice_ids = [
            choice_id
            for choice_id in map(parse_id, request.httprequest.form.getlist("choice_ids"))
            if choice_id
        ]
        try:
            with request.env.cr.savepoint():
                request.env["community.microproject.vote"].create(
                    {
                        "project_id": project_id,
                        "partner_id": request.env.user.partner_id.id,
                        "choice_ids": [Command.set(choice_ids)],
                    }
                )
        except (UserError, ValidationError, AccessError) as exc:
            values = self._prepare_portal_layout_values()
            project_sudo = request.env["community.microproject"].sudo().browse(project_id)
            values.update(
                {
                    "microproject": project_sudo,
                    "my_vote": request.env["community.microproject.vote"],
                    "show_results": False,
                    "error": str(exc),
                    "page_name": "microproject",
                }
            )
            return request.render("community_party.portal_microproject", values)
        return request.redirect(f"/my/microprojects/{project_id}?voted=1")

    # Satisfaction with the property service ----------------------------------

    def _resident_property_contract(self):
        """The contract of the company serving the resident's estate today."""
        estate = request.env.user.partner_id.household_id.sudo().estate_id
        if not estate:
            return request.env["property.contract"].sudo()
        today = fields.Date.context_today(request.env.user)
        return (
            request.env["property.contract"]
            .sudo()
            .search(
                [
                    ("estate_id", "=", estate.id),
                    ("date_start", "<=", today),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", today),
                ],
                limit=1,
            )
        )

    @http.route("/my/property", type="http", auth="user", website=True)
    def portal_property(self, **kw):
        contract = self._resident_property_contract()
        partner = request.env.user.partner_id
        my_ratings = (
            request.env["property.rating"].sudo().search([("partner_id", "=", partner.id)], limit=5)
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "contract": contract,
                "my_ratings": my_ratings,
                "page_name": "property",
                "error": kw.get("error"),
                "rated": kw.get("rated"),
            }
        )
        return request.render("community_party.portal_property", values)

    @http.route("/my/property/rate", type="http", auth="user", methods=["POST"], website=True)
    def portal_property_rate(self, score="", comment="", **kw):
        contract = self._resident_property_contract()
        if not contract:
            return request.redirect("/my/property?error=no_company")
        if score not in ("1", "2", "3", "4", "5"):
            return request.redirect("/my/property?error=no_score")
        partner = request.env.user.partner_id
        Rating = request.env["property.rating"].sudo()
        today = fields.Date.context_today(request.env.user)
        if Rating.search_count(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", contract.company_id.id),
                ("estate_id", "=", contract.estate_id.id),
                ("date", "=", today),
            ]
        ):
            return request.redirect("/my/property?error=already")
        # Every value but the score and the comment comes from the server.
        try:
            # the unique index holds when the same resident rates twice at once
            with refused_by_constraint(
                request.env.cr, ["property_rating_resident_uniq"], "already"
            ):
                Rating.create(
                    {
                        "company_id": contract.company_id.id,
                        "estate_id": contract.estate_id.id,
                        "partner_id": partner.id,
                        "score": int(score),
                        "comment": (comment or "").strip()[:2000],
                        "date": today,
                    }
                )
        except UserError:
            return request.redirect("/my/property?error=already")
        return request.redirect("/my/property?rated=1")
