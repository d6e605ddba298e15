"""The audit trail (OCA auditlog) as the platform needs it.

- Audit records are written by the audit machinery only, which runs as
  superuser: nobody changes or deletes them over RPC or in the UI, whatever
  their access lines say (auditlog gives ``base.group_system`` full rights).
  The retention cron runs as superuser and still deletes what is past the
  retention period.
- Log lines show ID numbers masked, so that reading the audit trail does not
  reveal them in full.
- A record's creation logs the fields it was created with, not every empty
  field of the model (a resident has about a hundred stored fields).
- Binary and one2many fields are not logged (see get_auditlog_fields): reading
  them before and after every write made an audited partner write slow.
"""

from odoo import api, models
from odoo.exceptions import AccessError

from .res_partner import mask_id_number

# (model, field) -> function that masks the values written to log lines
MASKED_FIELDS = {("res.partner", "id_number"): mask_id_number}
LINE_VALUE_KEYS = ("old_value", "old_value_text", "new_value", "new_value_text")


class AuditTrailImmutable(models.AbstractModel):
    _name = "community.audit.immutable.mixin"
    _description = "Audit trail records: written by the audit machinery only"

    def _check_audit_trail_change(self):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "The audit trail cannot be changed or deleted: its records are written by "
                    "the platform itself and removed only after the retention period."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_audit_trail_change()
        return super().create(vals_list)

    def write(self, vals):
        self._check_audit_trail_change()
        return super().write(vals)

    def unlink(self):
        self._check_audit_trail_change()
        return super().unlink()


class AuditlogLog(models.Model):
    _name = "auditlog.log"
    _inherit = ["auditlog.log", "community.audit.immutable.mixin"]


class AuditlogLogLine(models.Model):
    _name = "auditlog.log.line"
    _inherit = ["auditlog.log.line", "community.audit.immutable.mixin"]


class AuditlogHttpRequest(models.Model):
    _name = "auditlog.http.request"
    _inherit = ["auditlog.http.request", "community.audit.immutable.mixin"]


class AuditlogHttpSession(models.Model):
    _name = "auditlog.http.session"
    _inherit = ["auditlog.http.session", "community.audit.immutable.mixin"]


class AuditlogRule(models.Model):
    _inherit = "auditlog.rule"

    @api.model
    def get_auditlog_fields(self, model):
        """auditlog's stored fields, less binary and one2many ones.

        auditlog reads these fields before and after every write: images come
        from the filestore (a partner has five) and say nothing as base64;
        one2many fields (messages, followers, children) are one query each,
        and their records are logged by their own model where it is audited."""
        return [
            name
            for name in super().get_auditlog_fields(model)
            if model._fields[name].type not in ("binary", "one2many")
        ]

    def _create_log_line_on_create(self, log_vals, fields_list, new_values, fields_to_exclude):
        values = new_values.get(log_vals["res_id"], {})
        filled = [name for name in fields_list if values.get(name) not in (False, None, "", [])]
        return super()._create_log_line_on_create(log_vals, filled, new_values, fields_to_exclude)

    def _prepare_log_line_vals_on_create(self, log_vals, field, new_values):
        vals = super()._prepare_log_line_vals_on_create(log_vals, field, new_values)
        return self._mask_log_line_vals(field, vals)

    def _prepare_log_line_vals_on_write(self, log_vals, field, old_values, new_values):
        vals = super()._prepare_log_line_vals_on_write(log_vals, field, old_values, new_values)
        return self._mask_log_line_vals(field, vals)

    def _prepare_log_line_vals_on_read(self, log_vals, field, read_values):
        vals = super()._prepare_log_line_vals_on_read(log_vals, field, read_values)
        return self._mask_log_line_vals(field, vals)

    @api.model
    def _mask_log_line_vals(self, field, vals):
        mask = MASKED_FIELDS.get((field["model"], field["name"]))
        if mask:
            for key in LINE_VALUE_KEYS:
                if vals.get(key):
                    vals[key] = mask(vals[key])
        return vals
