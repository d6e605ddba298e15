from stdnum.cn import ric
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Groups that see residents' ID numbers in full (PIPL: need to know).
PERSONAL_DATA_GROUPS = "community_grid.group_community_staff"
# Care tags (disability, low income, minors …) are sensitive personal
# information: the resident's grid and the community staff only.
SENSITIVE_DATA_GROUPS = "community_grid.group_grid_worker"
# A resident's contact data: in full for the roles that call residents
# (res.users._community_contact_groups), masked or hidden for the others.
MASKED_CONTACT_FIELDS = ("phone", "mobile")
HIDDEN_CONTACT_FIELDS = (
    "email",
    "street",
    "street2",
    "zip",
    "city",
    "birth_date",
    "gender",
    "phone_sanitized",
    "email_normalized",
    "comment",
)


def mask_phone(value):
    """138****1234: the operator prefix and the last four digits."""
    if not value:
        return False
    digits = value.replace(" ", "")
    if len(digits) < 8:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id_number(value):
    """4401**********1234: the region and the last four digits."""
    if not value:
        return False
    return value[:4] + "*" * max(len(value) - 8, 0) + value[-4:]


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_resident = fields.Boolean(string="Resident", index=True)
    household_id = fields.Many2one(
        "community.household", index=True, ondelete="set null", tracking=True
    )
    household_relation = fields.Selection(
        [
            ("self", "Householder"),
            ("spouse", "Spouse"),
            ("child", "Child"),
            ("parent", "Parent"),
            ("grandchild", "Grandchild"),
            ("sibling", "Sibling"),
            ("tenant", "Tenant"),
            ("other", "Other"),
        ],
        string="Relation to Householder",
    )
    grid_id = fields.Many2one(related="household_id.grid_id", store=True, index=True, string="Grid")
    resident_community_id = fields.Many2one(
        related="household_id.community_id",
        store=True,
        index=True,
        string="Community",
    )
    resident_street_id = fields.Many2one(
        related="household_id.street_id", store=True, index=True, string="Street / Town"
    )
    id_number = fields.Char(
        string="ID Number",
        groups=PERSONAL_DATA_GROUPS,
        copy=False,
        help="Resident identity card number (居民身份证号), 18 characters with checksum.",
    )
    id_number_masked = fields.Char(
        string="ID Number (masked)", compute="_compute_id_number_masked", compute_sudo=True
    )
    phone_masked = fields.Char(
        string="Phone (masked)", compute="_compute_phone_masked", compute_sudo=True
    )
    birth_date = fields.Date(compute="_compute_from_id_number", store=True, compute_sudo=True)
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        compute="_compute_from_id_number",
        store=True,
        compute_sudo=True,
    )
    reported_event_ids = fields.One2many(
        "community.event", "reporter_id", string="Reported Events", readonly=True
    )
    resident_tag_ids = fields.Many2many(
        "community.household.tag",
        "res_partner_resident_tag_rel",
        "partner_id",
        "tag_id",
        string="Resident Tags",
        groups=SENSITIVE_DATA_GROUPS,
    )

    _sql_constraints = [
        (
            "id_number_uniq",
            "unique(id_number)",
            "A resident with this ID number is already registered.",
        ),
    ]

    @api.depends("id_number")
    def _compute_id_number_masked(self):
        for partner in self:
            partner.id_number_masked = mask_id_number(partner.id_number)

    @api.depends("phone")
    def _compute_phone_masked(self):
        for partner in self:
            partner.phone_masked = mask_phone(partner.phone)

    @api.depends("id_number")
    def _compute_from_id_number(self):
        for partner in self:
            number = partner.id_number
            if number and ric.is_valid(number):
                partner.birth_date = ric.get_birth_date(number)
                partner.gender = "male" if int(number[16]) % 2 else "female"
            else:
                partner.birth_date = False
                partner.gender = False

    def _check_id_number_free(self, numbers):
        """Refuse ID numbers registered for someone else, with a clear message
        (before the database's unique index refuses them)."""
        numbers = [ric.compact(n) for n in numbers if n]
        seen = set()
        for number in numbers:
            if number in seen:
                raise ValidationError(self._duplicate_message(number))
            seen.add(number)
        if numbers:
            taken = (
                self.sudo()
                .with_context(active_test=False)
                .search([("id_number", "in", numbers), ("id", "not in", self.ids)], limit=1)
            )
            if taken:
                raise ValidationError(self._duplicate_message(taken.sudo().id_number))

    def _duplicate_message(self, number):
        return self.env._(
            "The ID number %(number)s is already registered for another resident: find "
            "that resident instead of creating a new one.",
            number=mask_id_number(number),
        )

    @api.constrains("household_id", "household_relation")
    def _check_one_householder(self):
        households = self.filtered(lambda p: p.household_relation == "self").household_id
        if not households:
            return
        counts = self.sudo()._read_group(
            [("household_id", "in", households.ids), ("household_relation", "=", "self")],
            ["household_id"],
            ["__count"],
        )
        for household, count in counts:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(household)s already has a householder: change the relation of "
                        "one of them.",
                        household=household.sudo().name,
                    )
                )

    @api.constrains("id_number")
    def _check_id_number(self):
        for partner in self.sudo():
            if not partner.id_number:
                continue
            try:
                ric.validate(partner.id_number)
            except InvalidLength as exc:
                raise ValidationError(
                    self.env._(
                        "The ID number of %(name)s must have 18 characters; check it on the "
                        "identity card.",
                        name=partner.name,
                    )
                ) from exc
            except InvalidChecksum as exc:
                raise ValidationError(
                    self.env._(
                        "The ID number of %(name)s (%(number)s) fails its check digit: one "
                        "of its characters is mistyped.",
                        name=partner.name,
                        number=mask_id_number(partner.id_number),
                    )
                ) from exc
            except StdnumValidationError as exc:
                raise ValidationError(
                    self.env._(
                        "The ID number of %(name)s (%(number)s) is not valid: it holds 17 "
                        "digits with a real birth date, then a digit or X.",
                        name=partner.name,
                        number=mask_id_number(partner.id_number),
                    )
                ) from exc

    @api.model_create_multi
    def create(self, vals_list):
        self._check_id_number_free([vals.get("id_number") for vals in vals_list])
        for vals in vals_list:
            if vals.get("id_number"):
                vals["id_number"] = ric.compact(vals["id_number"])
            if vals.get("household_id"):
                vals.setdefault("is_resident", True)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("id_number"):
            if len(self) > 1:
                raise ValidationError(self._duplicate_message(vals["id_number"]))
            self._check_id_number_free([vals["id_number"]])
            vals["id_number"] = ric.compact(vals["id_number"])
        if vals.get("household_id"):
            vals.setdefault("is_resident", True)
        return super().write(vals)

    # ------------------------------------------------------------------
    # need-to-know: contact data of residents
    # ------------------------------------------------------------------

    def _contact_data_masked_ids(self):
        """Ids of the residents in ``self`` whose contact data the current
        user reads masked: a user without a role that calls residents, for
        residents other than themselves."""
        if self.env.su or self.env.user._sees_resident_contacts():
            return set()
        own = self.env.user.partner_id.id
        return {
            partner.id
            for partner in self.sudo().filtered(lambda p: p.is_resident)
            if partner.id != own
        }

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if "id_number" in (fnames or ()) and not self.env.su:
            read_ids = [values["id"] for values in result if values.get("id_number")]
            if read_ids:
                self.browse(read_ids)._audit_id_number_read()
        touched = set(fnames or ()) & {*MASKED_CONTACT_FIELDS, *HIDDEN_CONTACT_FIELDS}
        if not touched or not result:
            return result
        masked = self._contact_data_masked_ids()
        if not masked:
            return result
        for vals in result:
            if vals.get("id") not in masked:
                continue
            for name in touched & set(vals):
                if name in MASKED_CONTACT_FIELDS:
                    vals[name] = mask_phone(vals[name]) if vals[name] else False
                else:
                    vals[name] = False
        return result

    def export_data(self, fields_to_export):
        roots = {path.split("/")[0] for path in fields_to_export}
        if roots & {*MASKED_CONTACT_FIELDS, *HIDDEN_CONTACT_FIELDS} and (
            self._contact_data_masked_ids()
        ):
            raise UserError(
                self.env._(
                    "Residents' contact data is only exported by the roles that call "
                    "residents (grid workers, community staff): leave out phone, e-mail, "
                    "address and birth date."
                )
            )
        return super().export_data(fields_to_export)

    # ------------------------------------------------------------------
    # audit: reading a resident's full ID number leaves a line in the
    # audit trail. auditlog's own read logging (log_read on a rule) would log
    # every read of every partner, lists included: far too much at a million
    # residents. Only the reads that hand out id_number are logged: read and
    # search_read (both format their answer with _read_format; the web
    # client's web_read/web_search_read go through read) and exports. Reads
    # done as superuser are the platform's own and are not logged.
    # ------------------------------------------------------------------

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
