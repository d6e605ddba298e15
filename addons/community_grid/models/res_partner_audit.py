from odoo import Command, models

from .res_partner import mask_id_number


class ResPartner(models.Model):
    """Reading a resident's full ID number leaves a line in the audit trail.

    auditlog's own read logging (``log_read`` on a rule) would log every read
    of every partner, lists included: far too much at a million residents.
    Here only the reads that hand out ``id_number`` are logged: ``read`` and
    ``search_read`` (both format their answer with ``_read_format``; the web
    client's ``web_read``/``web_search_read`` go through ``read``) and
    exports. Reads done as superuser are the platform's own (masked values,
    checks) and are not logged.
    """

    _inherit = "res.partner"

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if "id_number" in fnames and not self.env.su:
            read_ids = [values["id"] for values in result if values.get("id_number")]
            if read_ids:
                self.browse(read_ids)._audit_id_number_read()
        return result

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        if not self.env.su and any(path and path[0] == "id_number" for path in fields):
            self.sudo().filtered("id_number").with_env(self.env)._audit_id_number_read()
        return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)

    def _audit_id_number_read(self):
        """One audit log per resident whose ID number the current user read,
        with the number masked (the log says what was read, not the number)."""
        if not self:
            return
        field = self.env["ir.model.fields"]._get("res.partner", "id_number")
        request_id = self.env["auditlog.http.request"].sudo().current_http_request()
        session_id = self.env["auditlog.http.session"].sudo().current_http_session()
        vals_list = []
        for partner in self.sudo():
            masked = mask_id_number(partner.id_number)
            vals_list.append(
                {
                    "model_id": field.model_id.id,
                    "name": partner.display_name,
                    "res_id": partner.id,
                    "method": "read",
                    "log_type": "fast",
                    "user_id": self.env.uid,
                    "http_request_id": request_id,
                    "http_session_id": session_id,
                    "line_ids": [
                        Command.create(
                            {
                                "field_id": field.id,
                                "old_value": masked,
                                "old_value_text": masked,
                            }
                        )
                    ],
                }
            )
        self.env["auditlog.log"].sudo().create(vals_list)


class ResUsers(models.Model):
    """A user's ``id_number`` is its partner's (``_inherits``): reading it
    through ``res.users`` is logged on the partner as well."""

    _inherit = "res.users"

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if "id_number" in fnames and not self.env.su:
            read_ids = [values["id"] for values in result if values.get("id_number")]
            if read_ids:
                partners = self.browse(read_ids).sudo().partner_id.with_env(self.env)
                partners._audit_id_number_read()
        return result
