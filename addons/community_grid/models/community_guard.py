"""The server never trusts a client's create or write.

One mechanism for the four addons: every model that has fields defined by a
``community_*`` addon gets its public ``create`` and ``write`` wrapped at the
top of the class hierarchy (the registry class, as Odoo's own
``base_automation`` does), so the guard sees exactly what the caller passed,
before any override of the model adds its own values.

Which fields are protected is read from their definitions:

* derived fields (computed or related, and read-only): never written by a
  client, on create or write;
* fields declared ``readonly=True``: workflow, time, figures, ownership. A
  client create gets their defaults (a value equal to the default is
  accepted and dropped, any other refused); a client write is refused;
* links to a parent (many2one with ``ondelete='cascade'``) and fields named
  in the model's ``_guard_create_only`` (owner and party links): set when a
  record is made, never moved afterwards (a task's event, a profile's
  resident).

The model's own methods change protected fields: its ``action_*`` methods
(the buttons; each checks the state and the user's right itself) run
trusted, and so do the methods decorated with :func:`trusted_method`; other
code uses :func:`trusted` or runs as the superuser after checking that the
user may act on the record. A context key never opens the guard:
:func:`trusted` is a Python context variable, which no RPC call can set.
Record rules and access rights still apply inside a trusted block.

Record rules are checked by Odoo with the values before a write: a write
that changes a relational field is checked again afterwards, so that nobody
moves a record out of their own scope, or a child under a parent they may not
see.
"""

import contextlib
import contextvars
import functools
import logging

from odoo import api, models
from odoo.exceptions import UserError
from odoo.models import MAGIC_COLUMNS

_logger = logging.getLogger(__name__)

_TRUSTED = contextvars.ContextVar("community_guard_trusted", default=False)

GUARDED_MODULE_PREFIX = "community_"


@contextlib.contextmanager
def trusted():
    """Let the code of the block write protected fields, with the current
    user's access rights and record rules still applied. For the model's own
    business methods only, after they checked the user may act."""
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def trusted_method(method):
    """Decorator: the method is one of the model's own business methods, which
    may change protected fields (it checks what the action needs itself)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with trusted():
            return method(self, *args, **kwargs)

    wrapper._community_guard = True
    return wrapper


def in_trusted_block():
    """Whether the code runs inside :func:`trusted` (the superuser alone is not
    enough): for registers that only their business methods may write, such
    as the points ledger."""
    return _TRUSTED.get()


def is_trusted(env):
    return env.su or _TRUSTED.get()


def guard_kind(model, field):
    """``'derived'``, ``'protected'``, ``'create_only'`` or ``None`` for a
    field of ``model``, from the field's definition."""
    if field.name in MAGIC_COLUMNS or field.name == "display_name":
        return None
    if not (field._module or "").startswith(GUARDED_MODULE_PREFIX):
        return None
    if field.type in ("one2many",) and not field.readonly:
        return None
    if (field.compute or field.related) and field.readonly:
        return "derived"
    if field.readonly and not field.compute:
        return "protected"
    if field.name in getattr(type(model), "_guard_create_only", ()) or (
        field.type == "many2one" and field.ondelete == "cascade"
    ):
        return "create_only"
    return None


def guarded_fields(model):
    """{field name: kind} of the protected fields of ``model``."""
    cache = model.env.registry.__dict__.setdefault("_community_guard_fields", {})
    if model._name not in cache:
        cache[model._name] = {
            name: kind
            for name, field in model._fields.items()
            if (kind := guard_kind(model, field))
        }
    return cache[model._name]


def _same(field, record_value, value):
    """Whether ``value`` (as a client sends it) equals a record's or a
    default's value for ``field``."""
    if field.type == "many2one":
        record_value = record_value.id if hasattr(record_value, "id") else record_value
        value = value or False
        return (record_value or False) == value
    if field.type in ("many2many", "one2many"):
        return False
    if field.type in ("float", "monetary", "integer"):
        return float(record_value or 0) == float(value or 0)
    if field.type == "boolean":
        return bool(record_value) == bool(value)
    return (record_value or False) == (value or False)


def _refuse(model, names):
    labels = ", ".join(
        f"{model._fields[name]._description_string(model.env)} ({name})" for name in sorted(names)
    )
    raise UserError(
        model.env._(
            "These fields of %(model)s change only through the record's own actions and "
            "cannot be set directly: %(fields)s.",
            model=model.env["ir.model"].sudo()._get(model._name).name or model._description,
            fields=labels,
        )
    )


def check_create(model, vals_list):
    """Refuse a client's values for protected fields; values equal to the
    default are dropped, so a form that sends its defaults still saves."""
    if is_trusted(model.env):
        return vals_list
    protected = guarded_fields(model)
    if not protected:
        return vals_list
    checked = []
    for vals in vals_list:
        refused = set()
        vals = dict(vals)
        for name in [n for n in vals if n in protected]:
            kind = protected[name]
            if kind == "create_only":
                continue
            field = model._fields[name]
            default = model.default_get([name]).get(name, False)
            if _same(field, default, vals[name]):
                del vals[name]
            else:
                refused.add(name)
        if refused:
            _refuse(model, refused)
        checked.append(vals)
    return checked


def check_write(records, vals):
    if is_trusted(records.env):
        return
    protected = guarded_fields(records)
    names = [n for n in vals if n in protected]
    if not names:
        return
    # even a value equal to the current one is refused: the web client never
    # sends a read-only field, so only a forger does
    _refuse(records, names)


def _relational_written(records, vals):
    fields = records._fields
    return any(
        fields[name].relational and (fields[name]._module or "").startswith(GUARDED_MODULE_PREFIX)
        for name in vals
        if name in fields
    )


def _without_forged_defaults(model):
    """The context's ``default_<field>`` keys are client input too: a client
    create gets the model's own defaults for protected fields."""
    if is_trusted(model.env):
        return model
    protected = guarded_fields(model)
    context = model.env.context
    forged = [
        key
        for key in context
        if key.startswith("default_") and protected.get(key[8:]) in ("derived", "protected")
    ]
    if not forged:
        return model
    # a dict, not keywords: the forged keys must go, not be overridden
    clean = {k: v for k, v in context.items() if k not in forged}
    return model.with_context(clean)  # pylint: disable=context-overridden


def make_create():
    @api.model_create_multi
    def create(self, vals_list, **kw):
        self = _without_forged_defaults(self)
        vals_list = check_create(self, vals_list)
        return create.origin(self, vals_list, **kw)

    return create


def make_write():
    def write(self, vals, **kw):
        check_write(self, vals)
        res = write.origin(self, vals, **kw)
        if not is_trusted(self.env) and _relational_written(self, vals):
            # the rules again, with the new values: nobody moves a record
            # out of their scope or a child under a parent they cannot see
            self.check_access("write")
        return res

    return write


class CommunityGuard(models.AbstractModel):
    _name = "community.guard"
    _description = "Guard of Protected Fields"

    def _register_hook(self):
        super()._register_hook()
        self.env.registry.__dict__["_community_guard_fields"] = {}
        for name in list(self.env.registry):
            model = self.env[name]
            if model._abstract or model._transient or not guarded_fields(model):
                continue
            model_class = self.env.registry[name]
            for method in dir(model_class):
                if not method.startswith("action_"):
                    continue
                current = getattr(model_class, method)
                if not callable(current) or getattr(current, "_community_guard", False):
                    continue
                wrapper = trusted_method(current)
                wrapper._community_guard_action = True
                setattr(model_class, method, wrapper)
            for method, make in (("create", make_create), ("write", make_write)):
                current = model_class.__dict__.get(method)
                if current is not None and getattr(current, "_community_guard", False):
                    continue
                wrapper = make()
                wrapper.origin = getattr(model_class, method)
                wrapper._community_guard = True
                setattr(model_class, method, wrapper)

    def _unregister_hook(self):
        for model_class in self.env.registry.values():
            for method, current in list(model_class.__dict__.items()):
                if method in ("create", "write") or method.startswith("action_"):
                    if getattr(current, "_community_guard", False):
                        delattr(model_class, method)
        return super()._unregister_hook()
