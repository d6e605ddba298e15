from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..tools import IMAGE_TYPES, parse_id, read_uploads

# Photos a resident may attach to a report.
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_COUNT = 5
EVENTS_PER_PAGE = 10


class EventPortal(CustomerPortal):
    """/my/events: residents report problems and follow them to the end."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "event_count" in counters:
            Event = request.env["community.event"]
            values["event_count"] = Event.search_count([]) if Event.has_access("read") else 0
        return values

    def _resident_partner(self):
        return request.env.user.partner_id

    @http.route(
        ["/my/events", "/my/events/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_events(self, page=1, **kw):
        Event = request.env["community.event"]
        domain = [("reporter_id", "=", self._resident_partner().id)]
        count = Event.search_count(domain)
        pager = portal_pager(
            url="/my/events", total=count, page=parse_id(page) or 1, step=EVENTS_PER_PAGE
        )
        events = Event.search(
            domain,
            order="date_reported desc, id desc",
            limit=EVENTS_PER_PAGE,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {"events": events, "pager": pager, "page_name": "event", "default_url": "/my/events"}
        )
        return request.render("community_grid.portal_my_events", values)

    def _event_status_history(self, event_sudo):
        """(date, state label) of every stage change, oldest first."""
        trackings = event_sudo.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        history = [
            (
                event_sudo.date_reported,
                dict(event_sudo._fields["state"]._description_selection(request.env))["new"],
            )
        ]
        for tracking in trackings.sorted("id"):
            history.append((tracking.create_date, tracking.new_value_char))
        return history

    def _event_portal_photos(self, event_sudo):
        """The pictures of the event its reporter may see: the photos they sent
        with the report, and those staff sent them in a message. Attachments of
        internal notes (and of any message not shared with the portal) stay inside."""
        Message = request.env["mail.message"].sudo()
        messages = Message.search(
            [("model", "=", "community.event"), ("res_id", "=", event_sudo.id)]
        )
        shared = messages.filtered_domain(Message._get_search_domain_share())
        reporter_users = event_sudo.reporter_id.sudo().with_context(active_test=False).user_ids
        photos = (
            request.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "community.event"),
                    ("res_id", "=", event_sudo.id),
                    ("mimetype", "in", sorted(IMAGE_TYPES)),
                ],
                order="id",
            )
        )
        return photos.filtered(
            lambda photo: photo in shared.attachment_ids
            or (photo.create_uid in reporter_users and photo not in messages.attachment_ids)
        )

    @http.route(["/my/events/<int:event_id>"], type="http", auth="public", website=True)
    def portal_my_event(self, event_id, access_token=None, message=None, **kw):
        # ``error`` is not read from the URL: a link must not put words on the page
        return self._render_event(event_id, access_token, message)

    def _render_event(self, event_id, access_token=None, message=None, error=None):
        try:
            event_sudo = self._document_check_access("community.event", event_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            event_sudo, access_token, {}, "my_events_history", False
        )
        values.update(
            {
                "event": event_sudo,
                "page_name": "event",
                "history": self._event_status_history(event_sudo),
                "photos": self._event_portal_photos(event_sudo),
                "can_reopen": event_sudo._can_reopen(),
                "reopen_days": event_sudo._reopen_days(),
                "message": message,
                "error": error,
            }
        )
        return request.render("community_grid.portal_my_event", values)

    # ------------------------------------------------------------------
    # report a new event
    # ------------------------------------------------------------------

    def _new_event_values(self, **kw):
        partner = self._resident_partner()
        categories = request.env["community.event.category"].sudo().search([])
        grid = partner.sudo().grid_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "event_new",
                "categories": categories,
                "grid": grid,
                "community": partner.sudo().resident_community_id,
                "form": kw,
            }
        )
        return values

    @http.route(["/my/events/new"], type="http", auth="user", website=True, methods=["GET"])
    def portal_event_new(self, **kw):
        return request.render("community_grid.portal_event_new", self._new_event_values())

    @http.route(["/my/events/new"], type="http", auth="user", website=True, methods=["POST"])
    def portal_event_create(self, **post):
        partner = self._resident_partner()
        try:
            vals, photos = self._check_new_event(partner, post)
        except UserError as exc:
            values = self._new_event_values(**post)
            values["error"] = exc.args[0]
            return request.render("community_grid.portal_event_new", values)
        event = request.env["community.event"].sudo().create(vals)
        # sudo keeps the resident as create_uid: the portal page shows them their photos
        request.env["ir.attachment"].sudo().create(
            [dict(photo, res_model="community.event", res_id=event.id) for photo in photos]
        )
        return request.redirect(f"/my/events/{event.id}?message=created")

    def _check_new_event(self, partner, post):
        """Validate the form; return the event's values and the photos."""
        env = request.env
        resident = partner.sudo()
        if not resident.resident_community_id:
            raise UserError(
                env._(
                    "Your account is not linked to a household yet. Ask your community "
                    "office to confirm your address, then report again."
                )
            )
        title = (post.get("title") or "").strip()
        description = (post.get("description") or "").strip()
        if not title or not description:
            raise UserError(env._("Give your report a title and describe the problem."))
        if len(title) > 100:
            raise UserError(env._("Keep the title under 100 characters."))
        category = (
            env["community.event.category"]
            .sudo()
            .browse(parse_id(post.get("category_id")))
            .exists()
        )
        if not category:
            raise UserError(env._("Choose what the problem is about."))
        where = post.get("where") or "grid"
        address = (post.get("address") or "").strip()
        if where == "address" and not address:
            raise UserError(env._("Write the address where the problem is, or choose your grid."))
        photos = read_uploads(
            env,
            request.httprequest.files.getlist("photos"),
            allowed=IMAGE_TYPES,
            max_bytes=PHOTO_MAX_BYTES,
            max_count=PHOTO_MAX_COUNT,
        )
        vals = {
            "title": title,
            "description": description,
            "category_id": category.id,
            "community_id": resident.resident_community_id.id,
            "reporter_type": "resident",
            "reporter_id": partner.id,
            "user_id": False,
        }
        if where == "address":
            vals["address"] = address
        else:
            vals["grid_id"] = resident.grid_id.id
        return vals, photos

    # ------------------------------------------------------------------
    # the resident's verdict
    # ------------------------------------------------------------------

    def _own_event(self, event_id):
        """The resident's own event, read with their rights (so rules apply)."""
        event = request.env["community.event"].browse(event_id).exists()
        if not event:
            raise MissingError(request.env._("This report does not exist."))
        event.check_access("read")
        if event.sudo().reporter_id != request.env.user.partner_id:
            # reading is not enough: only the reporter rates and reopens
            raise AccessError(request.env._("Only the reporter acts on this report."))
        return event

    @http.route(
        ["/my/events/<int:event_id>/rate"], type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_event_rate(self, event_id, rating=None, comment=None, **kw):
        try:
            event = self._own_event(event_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            event.sudo().action_rate(int(rating or 0), (comment or "").strip())
        except (UserError, ValueError) as exc:
            error = (
                exc.args[0]
                if isinstance(exc, UserError)
                else request.env._("Choose a rating from 1 to 5 stars.")
            )
            return self._render_event(event_id, error=error)
        return request.redirect(f"/my/events/{event_id}?message=rated")

    @http.route(
        ["/my/events/<int:event_id>/reopen"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_event_reopen(self, event_id, reason=None, **kw):
        try:
            event = self._own_event(event_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        reason = (reason or "").strip()
        if not reason:
            return self._render_event(
                event_id, error=request.env._("Say why the problem is not solved.")
            )
        try:
            event.sudo().action_reopen(reason)
        except UserError as exc:
            return self._render_event(event_id, error=exc.args[0])
        return request.redirect(f"/my/events/{event_id}?message=reopened")


class HouseholdPortal(CustomerPortal):
    """/my/household: a resident's own household, or the request to be linked to it."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "household_count" in counters:
            values["household_count"] = request.env["community.household"].search_count([])
        return values

    def _household_values(self, **kw):
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        household = request.env["community.household"].search([], limit=1)
        claim = (
            request.env["community.resident.claim"]
            .sudo()
            .search([("partner_id", "=", partner.id)], order="id desc", limit=1)
        )
        values.update(
            {
                "page_name": "household",
                "household": household,
                "members": household.sudo().member_ids if household else [],
                "claim": claim,
                "communities": request.env["community.area"]
                .sudo()
                .search([("area_type", "in", ("community", "village"))]),
                "form": kw,
            }
        )
        return values

    @http.route(["/my/household"], type="http", auth="user", website=True, methods=["GET"])
    def portal_my_household(self, **kw):
        return request.render("community_grid.portal_my_household", self._household_values())

    @http.route(["/my/household"], type="http", auth="user", website=True, methods=["POST"])
    def portal_household_claim(self, **post):
        env = request.env
        partner = env.user.partner_id
        values = self._household_values(**post)
        if values["household"] or (values["claim"] and values["claim"].state == "pending"):
            return request.redirect("/my/household")
        id_number = (post.get("id_number") or "").strip().upper()
        address = (post.get("address") or "").strip()
        community = (
            env["community.area"]
            .sudo()
            .browse(parse_id(post.get("community_id")))
            .exists()
            .filtered(lambda area: area.area_type in ("community", "village"))
        )
        error = None
        if not id_number or not address or not community:
            error = env._("Fill in your ID number, your community and your address.")
        else:
            from stdnum.cn import ric

            if not ric.is_valid(id_number):
                error = env._("This ID number is not valid: check the 18 characters on your card.")
        if error:
            values["error"] = error
            return request.render("community_grid.portal_my_household", values)
        env["community.resident.claim"].sudo().create(
            {
                "partner_id": partner.id,
                "id_number": id_number,
                "address": address,
                "community_id": community.id,
            }
        )
        return request.redirect("/my/household")


class ResidentAccountPortal(CustomerPortal):
    """/my/account for a resident: what a resident has (phone, e-mail), the
    name and household address shown from the register, and none of the
    billing fields of a customer (company, VAT, street2, zip, country)."""

    def _is_resident_account(self):
        user = request.env.user
        return user._is_portal() and user.partner_id.is_resident

    def _get_mandatory_fields(self):
        if self._is_resident_account():
            return ["phone"]
        return super()._get_mandatory_fields()

    def _get_optional_fields(self):
        if self._is_resident_account():
            # country_id: Odoo's validation reads it; never written (below)
            return ["email", "country_id"]
        return super()._get_optional_fields()

    def details_form_validate(self, data, partner_creation=False):
        if self._is_resident_account():
            data.setdefault("country_id", "")
        return super().details_form_validate(data, partner_creation=partner_creation)

    def on_account_update(self, values, partner):
        if self._is_resident_account():
            # the register holds the address: the page changes phone and e-mail only
            for key in ("country_id", "zip"):
                values.pop(key, None)
        return super().on_account_update(values, partner)
