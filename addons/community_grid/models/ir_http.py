from odoo import api, models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _authenticate(cls, endpoint):
        """Check the idle-session timeout before the request is authenticated.

        auth_session_timeout (OCA, 18.0) logs an idle session out only after
        Odoo authenticated the request, which is then still served as the
        user: one more RPC answered on a session that timed out. Checking
        first, the request is served as what the session is after the check
        (a route that needs a user answers "session expired")."""
        if request and request.session.uid is not None:
            users = request.env["res.users"].sudo()
            if not users.browse(request.session.uid)._is_public():
                users._auth_timeout_check()
                if request.session.uid is None:  # timed out and logged out
                    request.env = api.Environment(request.env.cr, None, request.session.context)
        return super()._authenticate(endpoint)
