"""Protected fields refuse a client's create and write, over JSON-RPC, for
every demo role, with and without tempting context keys.

The list of protected fields is read from the fields' definitions (see
``community_grid/models/community_guard.py``), never kept by hand, and
``TestGuardClassification`` fails when a field that looks like workflow,
figures, time or ownership is added without being protected.
"""

import json
import re

from odoo.models import MAGIC_COLUMNS
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.community_grid.models.community_guard import (
    GUARDED_MODULE_PREFIX,
    guard_kind,
    guarded_fields,
)


class RpcRefused(Exception):
    """A JSON-RPC call answered with an error."""


# the demo logins of the four addons (password = login); those of an addon
# that is not installed are simply absent
DEMO_LOGINS = [
    "admin",
    "manager",
    "staff",
    "gridworker",
    "gridworker2",
    "partyworker",
    "mediator",
    "specialist",
    "volmediator",
    "department",
    "teamleader",
]


def demo_password(login):
    """The demo logins' passwords (README): the login, with ``-demo`` where it is
    shorter than the 10 characters of the password policy; admin keeps admin."""
    return login if login == "admin" or len(login) >= 10 else f"{login}-demo"


# what a forger would put in the context; none of them may open the guard
TEMPTING_CONTEXT = {
    "volunteer_ledger_post": True,
    "volunteer_redeem": True,
    "volunteer_qr": True,
    "install_mode": True,
    "tracking_disable": True,
    "force_write": True,
    "sudo": True,
}

GUARD_MESSAGE = "cannot be set directly"

# field names that record workflow, figures, time, scores or ownership
SENSITIVE_NAME = re.compile(
    r"^(state|status|stage|rating|score|deadline|points|hours|balance|reopen_count"
    r"|supervised|reminded|problem_case|outcome_date)$"
    r"|_(state|status|count|rate|balance|hours|points|level|score|on_time|uid|by|by_id)$"
    r"|^(date_(reported|handled|closed|issued|answered|checked|confirmed|registered|voted))$"
)


def community_models(env):
    """The non-abstract, non-transient models that hold fields of the addons."""
    for name in sorted(env.registry):
        model = env[name]
        if model._abstract or model._transient:
            continue
        if any(
            (field._module or "").startswith(GUARDED_MODULE_PREFIX)
            for field in model._fields.values()
        ):
            yield model


@tagged("post_install", "-at_install")
class TestGuardClassification(TransactionCase):
    def test_sensitive_fields_are_protected(self):
        """A field whose name says it is a state, figure, score, time or
        actor, or that links a child to its parent (ondelete cascade), must be
        protected, or be named in the model's ``_guard_writable`` with the
        reason it is free input."""
        missing = []
        for model in community_models(self.env):
            writable = getattr(type(model), "_guard_writable", {})
            for name, field in model._fields.items():
                if not (field._module or "").startswith(GUARDED_MODULE_PREFIX):
                    continue
                if name in MAGIC_COLUMNS:
                    continue
                if guard_kind(model, field) or name in writable:
                    continue
                sensitive = SENSITIVE_NAME.search(name) or (
                    field.type == "many2one" and field.ondelete == "cascade"
                )
                if sensitive:
                    missing.append(f"{model._name}.{name}")
        self.assertFalse(
            missing,
            "These fields look like workflow, figures, time or a parent link but a client "
            "may write them: declare them readonly=True (changed by the model's methods), "
            "list them in _guard_create_only, or in _guard_writable with a reason: "
            + ", ".join(missing),
        )

    def test_every_model_has_protected_fields_listed(self):
        """The guard wraps every model that has protected fields."""
        for model in community_models(self.env):
            if not guarded_fields(model):
                continue
            self.assertTrue(
                getattr(type(model).write, "_community_guard", False),
                f"{model._name}.write is not guarded",
            )
            self.assertTrue(
                getattr(type(model).create, "_community_guard", False),
                f"{model._name}.create is not guarded",
            )


@tagged("post_install", "-at_install")
class TestGuardOverRpc(HttpCase):
    """Every demo role tries to forge every protected field it could reach."""

    def _junk(self, record, field):
        """A value different from the record's current one, or None."""
        return self._junk_value(record[field.name], field)

    def _junk_value(self, current, field):
        """A value different from ``current``, or None."""
        if field.type in ("many2one", "many2many") and not hasattr(current, "ids"):
            if isinstance(current, list | tuple) and any(
                isinstance(c, list | tuple) for c in current
            ):
                current = []  # x2many commands of a default
            current = self.env[field.comodel_name].browse(current or [])
        if field.type == "selection":
            selection = field._description_selection(self.env)
            options = [key for key, _label in selection if key != current]
            return options[0] if options else None
        if field.type == "many2one":
            other = (
                self.env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "!=", current.id)], limit=1)
            )
            return other.id or None
        if field.type == "many2many":
            other = self.env[field.comodel_name].sudo().search([], limit=1)
            return [(6, 0, [] if current else other.ids)] if (current or other) else None
        if field.type in ("integer", "float", "monetary"):
            return 99999
        if field.type == "boolean":
            return not current
        if field.type == "date":
            return "2099-01-01"
        if field.type == "datetime":
            return "2099-01-01 00:00:00"
        if field.type in ("char", "text", "html"):
            return "forged"
        return None

    def _call(self, model, method, args, context=None):
        """The web client's own JSON-RPC call; a refusal raises RpcRefused
        with the message the user would read."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": dict(context or {})},
            },
        }
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        body = response.json()
        if "error" in body:
            raise RpcRefused(body["error"]["data"].get("message") or body["error"]["message"])
        return body["result"]

    def _snapshot(self, record, name):
        value = record.sudo()[name]
        if hasattr(value, "ids"):
            return sorted(value.ids)
        return value

    @mute_logger("odoo.http")
    def test_forging_protected_fields_is_refused(self):
        users = self.env["res.users"].search([("login", "in", DEMO_LOGINS)])
        self.assertGreaterEqual(len(users), 4, "the demo logins are missing")
        # one login per set of groups: two grid workers try the same things
        by_groups = {}
        for user in users:
            by_groups.setdefault(frozenset(user.groups_id.ids), user)
        users = self.env["res.users"].union(*by_groups.values())
        attacked = {}  # (model, field) -> number of refused attempts
        reachable = set()  # models some role may write or create
        writes = creates = 0
        for user in users:
            self.authenticate(user.login, demo_password(user.login))
            for model in community_models(self.env):
                protected = guarded_fields(model)
                if not protected:
                    continue
                as_user = model.with_user(user)
                if as_user.has_access("write") or as_user.has_access("create"):
                    reachable.add(model._name)
                if as_user.has_access("write"):
                    records = as_user.search([], limit=20)._filtered_access("write")
                    record = records[:1].sudo()
                    for name in protected:
                        field = model._fields[name]
                        if not record or field.type in ("one2many", "binary"):
                            continue
                        value = self._junk(record, field)
                        if value is None:
                            continue
                        before = self._snapshot(record, name)
                        for context in ({}, TEMPTING_CONTEXT):
                            with self.assertRaises(
                                RpcRefused, msg=f"{user.login} wrote {model._name}.{name}"
                            ) as caught:
                                self._call(
                                    model._name, "write", [record.ids, {name: value}], context
                                )
                            self.assertIn(
                                GUARD_MESSAGE,
                                str(caught.exception),
                                f"{user.login} writing {model._name}.{name}",
                            )
                            writes += 1
                        record.invalidate_recordset()
                        self.assertEqual(self._snapshot(record, name), before)
                        attacked[(model._name, name)] = attacked.get((model._name, name), 0) + 1
                if as_user.has_access("create"):
                    # a value different from the default (a default is accepted)
                    defaults = model.sudo().default_get(list(protected))
                    count = model.sudo().with_context(active_test=False).search_count([])
                    for name, kind in protected.items():
                        field = model._fields[name]
                        if kind == "create_only" or field.type in ("one2many", "binary"):
                            continue
                        value = self._junk_value(defaults.get(name, False), field)
                        if value is None:
                            continue
                        with self.assertRaises(
                            RpcRefused, msg=f"{user.login} created {model._name}.{name}"
                        ) as caught:
                            self._call(model._name, "create", [{name: value}], TEMPTING_CONTEXT)
                        self.assertIn(
                            GUARD_MESSAGE,
                            str(caught.exception),
                            f"{user.login} creating {model._name}.{name}",
                        )
                        creates += 1
                        attacked[(model._name, name)] = attacked.get((model._name, name), 0) + 1
                    self.assertEqual(
                        model.sudo().with_context(active_test=False).search_count([]), count
                    )
        # every protected field of a model with records was attacked by someone
        unattacked = [
            f"{model._name}.{name}"
            for model in community_models(self.env)
            if model._name in reachable and model.sudo().search_count([], limit=1)
            for name in guarded_fields(model)
            if model._fields[name].type not in ("one2many", "binary")
            and (model._name, name) not in attacked
            and self._junk(model.sudo().search([], limit=1), model._fields[name]) is not None
        ]
        self.assertFalse(
            unattacked, "protected fields no demo role could reach: " + ", ".join(unattacked)
        )
        self.assertGreater(writes, 100)
        self.assertGreater(creates, 20)
