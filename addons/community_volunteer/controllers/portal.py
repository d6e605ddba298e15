from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.volunteer_profile import mask_name

FLASH_KEY = "community_volunteer_flash"


class VolunteerPortal(CustomerPortal):
    """/my/volunteer: a resident's volunteer service on the phone."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "volunteer_count" in counters:
            values["volunteer_count"] = request.env["volunteer.registration"].search_count(
                [
                    ("partner_id", "=", request.env.user.partner_id.id),
                    ("state", "in", ("waiting", "registered")),
                    ("activity_start", ">=", fields.Datetime.now()),
                ]
            )
        return values

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _volunteer_profile(self):
        """The current resident's profile (sudo), or an empty recordset."""
        partner = request.env.user.partner_id
        return (
            request.env["volunteer.profile"]
            .sudo()
            .search([("partner_id", "=", partner.id)], limit=1)
        )

    def _volunteer_flash(self, message, level="success"):
        request.session[FLASH_KEY] = {"message": str(message), "level": level}

    def _volunteer_redirect(self, target="/my/volunteer"):
        return request.redirect(target)

    def _volunteer_run(self, action, success, target="/my/volunteer"):
        """Run a portal action; a refusal becomes a message, never a half-done change.

        :param success: the message, or a function of the action's result that
            returns (message, level).
        """
        try:
            with request.env.cr.savepoint():
                result = action()
        except (UserError, ValidationError) as error:
            self._volunteer_flash(error.args[0], "danger")
        else:
            if callable(success):
                self._volunteer_flash(*success(result))
            else:
                self._volunteer_flash(success)
        return self._volunteer_redirect(target)

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route("/my/volunteer", type="http", auth="user", website=True)
    def portal_my_volunteer(self, **kw):
        partner = request.env.user.partner_id
        community = partner.resident_community_id
        profile = self._volunteer_profile()
        now = fields.Datetime.now()
        Activity = request.env["volunteer.activity"].sudo()
        activities = Activity.browse()
        rewards = request.env["volunteer.reward"].sudo().browse()
        leaders = request.env["volunteer.profile"].sudo().browse()
        notices = leaders
        if community:
            activities = Activity.search(
                [
                    ("community_id", "=", community.id),
                    ("state", "=", "published"),
                    ("date_end", ">=", now),
                ],
                order="date_start, id",
                limit=20,
            )
            rewards = (
                request.env["volunteer.reward"]
                .sudo()
                .search(
                    [("community_id", "=", community.id), ("is_published", "=", True)],
                    order="sequence, points_price, id",
                )
            )
            leaders = (
                request.env["volunteer.profile"]
                .sudo()
                .search(
                    [("community_id", "=", community.id), ("hours_total", ">", 0)],
                    order="hours_total desc, id",
                    limit=10,
                )
            )
            notices = (
                request.env["volunteer.profile"]
                .sudo()
                .search(
                    [("community_id", "=", community.id), ("star_pending_level", ">", 0)],
                    order="star_notice_until, id",
                )
            )
        registrations = profile.registration_ids.filtered(lambda r: r.state != "cancelled").sorted(
            "activity_start", reverse=True
        )
        my_activity_states = {r.activity_id.id: r.state for r in registrations}
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "volunteer",
                "partner": partner,
                "community": community,
                "profile": profile,
                "activities": activities,
                "my_activity_states": my_activity_states,
                "registrations": registrations[:20],
                "point_lines": profile.point_line_ids[:30],
                "rewards": rewards,
                "leaders": leaders,
                "notices": notices,
                "mask_name": mask_name,
                "flash": request.session.pop(FLASH_KEY, None),
                "thresholds": request.env["volunteer.profile"].sudo()._get_star_thresholds(),
            }
        )
        return request.render("community_volunteer.portal_my_volunteer", values)

    @http.route(
        "/my/volunteer/registration/<int:registration_id>", type="http", auth="user", website=True
    )
    def portal_volunteer_registration(self, registration_id, **kw):
        try:
            registration = self._document_check_access("volunteer.registration", registration_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "volunteer_registration",
                "registration": registration,
                "flash": request.session.pop(FLASH_KEY, None),
            }
        )
        return request.render("community_volunteer.portal_volunteer_registration", values)

    # ------------------------------------------------------------------
    # Actions (POST, CSRF-checked by the framework)
    # ------------------------------------------------------------------
    @http.route(
        "/my/volunteer/activity/<int:activity_id>/register",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_volunteer_register(self, activity_id, **kw):
        partner = request.env.user.partner_id
        activity = request.env["volunteer.activity"].sudo().browse(activity_id).exists()
        if not activity or activity.community_id != partner.resident_community_id:
            return request.redirect("/my")

        def register():
            profile = request.env["volunteer.profile"]._get_or_create(partner)
            return activity._sign_up(profile)

        def message(registration):
            if registration.state == "waiting":
                return (
                    request.env._(
                        "%(activity)s is full: you are on the waiting list and move up when a "
                        "seat frees.",
                        activity=activity.name,
                    ),
                    "warning",
                )
            return (
                request.env._("You are signed up for %(activity)s.", activity=activity.name),
                "success",
            )

        return self._volunteer_run(register, message)

    @http.route(
        "/my/volunteer/registration/<int:registration_id>/cancel",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_volunteer_cancel(self, registration_id, **kw):
        try:
            registration = self._document_check_access("volunteer.registration", registration_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._volunteer_run(
            lambda: registration.with_user(request.env.user).sudo().action_cancel(),
            request.env._("Your sign-up is cancelled."),
        )

    @http.route(
        "/my/volunteer/checkin/<int:activity_id>/<string:token>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_volunteer_checkin(self, activity_id, token, **kw):
        activity = request.env["volunteer.activity"].sudo().browse(activity_id).exists()
        if not activity or not consteq(activity.checkin_token or "", token or ""):
            return request.redirect("/my")
        profile = self._volunteer_profile()
        if request.httprequest.method == "POST":
            return self._volunteer_run(
                lambda: activity._check_in_by_token(token, profile),
                request.env._(
                    "Done: your time at %(activity)s is recorded.", activity=activity.name
                ),
            )
        registration = profile.registration_ids.filtered(
            lambda r: r.activity_id == activity and r.state in ("registered", "attended")
        )[:1]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "volunteer_checkin",
                "activity": activity,
                "token": token,
                "registration": registration,
            }
        )
        return request.render("community_volunteer.portal_volunteer_checkin", values)

    @http.route(
        "/my/volunteer/reward/<int:reward_id>/redeem",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_volunteer_redeem(self, reward_id, quantity=1, **kw):
        partner = request.env.user.partner_id
        reward = request.env["volunteer.reward"].sudo().browse(reward_id).exists()
        if not reward or reward.community_id != partner.resident_community_id:
            return request.redirect("/my")
        try:
            quantity = int(quantity)
        except (TypeError, ValueError):
            quantity = 0

        def redeem():
            profile = request.env["volunteer.profile"]._get_or_create(partner)
            request.env["volunteer.redemption"]._redeem(profile, reward, quantity)

        return self._volunteer_run(
            redeem,
            request.env._(
                "Redeemed: collect %(reward)s at the community service centre.", reward=reward.name
            ),
        )
