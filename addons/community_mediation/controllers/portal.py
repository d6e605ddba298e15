from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.community_grid.tools import IMAGE_TYPES, PDF_TYPES, parse_id, read_uploads
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.mediation_case import DISPUTE_TYPES

# Limits of the portal application form.
DESCRIPTION_MIN = 10
TEXT_MAX = 2000
NAME_MAX = 100
# Photos or documents a resident may join to an application.
MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024


class MediationPortal(CustomerPortal):
    """Residents apply for mediation and follow the cases they are party to."""

    def _mediation_domain(self):
        return [("party_partner_ids", "in", request.env.user.partner_id.ids)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mediation_count" in counters:
            Case = request.env["mediation.case"]
            values["mediation_count"] = (
                Case.search_count(self._mediation_domain()) if Case.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/mediation", "/my/mediation/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_mediation(self, page=1, **kw):
        Case = request.env["mediation.case"]
        domain = self._mediation_domain()
        readable = Case.has_access("read")
        count = Case.search_count(domain) if readable else 0
        pager = portal_pager(
            url="/my/mediation", total=count, page=parse_id(page) or 1, step=self._items_per_page
        )
        cases = (
            Case.search(domain, limit=self._items_per_page, offset=pager["offset"])
            if readable
            else Case
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "cases": cases.sudo(),
                "pager": pager,
                "page_name": "mediation",
                "default_url": "/my/mediation",
            }
        )
        return request.render("community_mediation.portal_my_mediation_cases", values)

    @http.route(["/my/mediation/<int:case_id>"], type="http", auth="user", website=True)
    def portal_my_mediation_case(self, case_id, **kw):
        try:
            case_sudo = self._document_check_access("mediation.case", case_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "case": case_sudo,
                "parties": case_sudo._portal_parties(request.env.user.partner_id),
                "page_name": "mediation",
                "submitted": kw.get("submitted"),
            }
        )
        return request.render("community_mediation.portal_my_mediation_case", values)

    @http.route(["/my/mediation/<int:case_id>/agreement"], type="http", auth="user", website=True)
    def portal_my_mediation_agreement(self, case_id, **kw):
        try:
            case_sudo = self._document_check_access("mediation.case", case_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        agreement = case_sudo.issued_agreement_id
        if not agreement:
            return request.redirect(case_sudo.access_url)
        return self._show_report(
            model=agreement,
            report_type="pdf",
            report_ref="community_mediation.action_report_mediation_agreement",
            download=True,
        )

    def _mediation_form_values(self):
        values = self._prepare_portal_layout_values()
        labels = dict(
            request.env["mediation.case"]
            ._fields["dispute_type"]
            ._description_selection(request.env)
        )
        values.update(
            {
                "page_name": "mediation_apply",
                "dispute_types": [(key, labels[key]) for key, _label in DISPUTE_TYPES],
                "error": {},
                "form": {},
            }
        )
        return values

    @http.route(["/my/mediation/apply"], type="http", auth="user", website=True, methods=["GET"])
    def portal_mediation_apply_form(self, **kw):
        return request.render(
            "community_mediation.portal_mediation_apply", self._mediation_form_values()
        )

    def _validate_application(self, post):
        """Error messages by field name (empty when the application is complete)
        and the checked files to attach."""
        error = {}
        uploads = []
        if post.get("dispute_type") not in dict(DISPUTE_TYPES):
            error["dispute_type"] = request.env._("Choose the type of dispute.")
        description = (post.get("description") or "").strip()
        if len(description) < DESCRIPTION_MIN:
            error["description"] = request.env._(
                "Describe the dispute in at least %(min)s characters: what happened and "
                "what you ask for.",
                min=DESCRIPTION_MIN,
            )
        elif len(description) > TEXT_MAX:
            error["description"] = request.env._(
                "Keep the description under %(max)s characters.", max=TEXT_MAX
            )
        other = (post.get("other_party") or "").strip()
        if not other:
            error["other_party"] = request.env._("Name the other party of the dispute.")
        elif len(other) > NAME_MAX:
            error["other_party"] = request.env._(
                "Keep the other party under %(max)s characters.", max=NAME_MAX
            )
        if len(post.get("preferred_time") or "") > NAME_MAX:
            error["preferred_time"] = request.env._(
                "Keep the preferred time under %(max)s characters.", max=NAME_MAX
            )
        try:
            uploads = read_uploads(
                request.env,
                request.httprequest.files.getlist("attachments"),
                allowed=IMAGE_TYPES | PDF_TYPES,
                max_bytes=MAX_FILE_SIZE,
                max_count=MAX_FILES,
            )
        except UserError as exc:
            error["attachments"] = exc.args[0]
        if not request.env.user.partner_id.resident_community_id:
            error["community"] = request.env._(
                "Your home is not registered with a community yet: ask your community "
                "office to register your household, then apply again."
            )
        return error, uploads

    @http.route(["/my/mediation/apply"], type="http", auth="user", website=True, methods=["POST"])
    def portal_mediation_apply(self, **post):
        error, uploads = self._validate_application(post)
        if error:
            values = self._mediation_form_values()
            values.update({"error": error, "form": post})
            return request.render("community_mediation.portal_mediation_apply", values)
        partner = request.env.user.partner_id
        description = post["description"].strip()
        case = (
            request.env["mediation.case"]
            .sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "subject": description.splitlines()[0][:40],
                    "dispute_type": post["dispute_type"],
                    "description": description,
                    "preferred_time": (post.get("preferred_time") or "").strip(),
                    "source": "portal",
                    "community_id": partner.resident_community_id.id,
                    "party_ids": request.env["mediation.case.party"]._get_party_commands(
                        partner, post["other_party"].strip()
                    ),
                }
            )
        )
        request.env["ir.attachment"].sudo().create(
            [dict(upload, res_model="mediation.case", res_id=case.id) for upload in uploads]
        )
        return request.redirect(f"/my/mediation/{case.id}?submitted=1")
