import ast
import inspect
import logging
import re
import threading
from urllib.parse import urlencode

from stdnum.cn import ric

from odoo import SUPERUSER_ID, Command, api, http
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase
from odoo.tests import new_test_user as odoo_new_test_user
from odoo.tools import SQL


def new_test_user(env, login, **kwargs):
    """odoo.tests.new_test_user with a password the platform's policy accepts:
    Odoo pads the login to 8 characters, the policy asks for 10."""
    kwargs.setdefault("password", login + "x" * (10 - len(login)))
    return odoo_new_test_user(env, login=login, **kwargs)


def valid_id_number(birth="19800101", seq=1, region="440605"):
    """An 18-character resident ID number with a correct check digit."""
    body = f"{region}{birth}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


class CommunityCase(TransactionCase):
    """A small territory and one user per role, shared by the addons' tests.

    南海区 → 桂城街道 → 平东社区 → 平东花园, and 夏东社区 beside it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Area = cls.env["community.area"]
        cls.district = Area.create({"name": "测试区", "area_type": "district"})
        cls.street = Area.create(
            {"name": "测试街道", "area_type": "street", "parent_id": cls.district.id}
        )
        cls.community = Area.create(
            {"name": "测试东社区", "area_type": "community", "parent_id": cls.street.id}
        )
        cls.other_community = Area.create(
            {"name": "测试西社区", "area_type": "community", "parent_id": cls.street.id}
        )
        cls.estate = Area.create(
            {"name": "测试花园", "area_type": "estate", "parent_id": cls.community.id}
        )
        cls.other_street = Area.create(
            {"name": "另一街道", "area_type": "street", "parent_id": cls.district.id}
        )
        cls.grid_worker = cls._role_user(
            "t_gridworker", "community_grid.group_grid_worker", cls.estate
        )
        cls.staff = cls._role_user("t_staff", "community_grid.group_community_staff", cls.community)
        cls.manager = cls._role_user("t_manager", "community_grid.group_street_manager", cls.street)
        cls.portal_user = new_test_user(cls.env, login="t_resident", groups="base.group_portal")
        cls.plain_user = new_test_user(cls.env, login="t_plain", groups="base.group_user")
        # a grid of the community with a building, a household and a resident
        cls.grid = cls.env["community.grid"].create(
            {
                "name": "测试第一网格",
                "community_id": cls.community.id,
                "leader_id": cls.grid_worker.id,
                "worker_ids": [Command.set(cls.grid_worker.ids)],
            }
        )
        cls.other_grid = cls.env["community.grid"].create(
            {"name": "测试西网格", "community_id": cls.other_community.id}
        )
        cls.building = cls.env["community.building"].create(
            {"name": "1栋", "estate_id": cls.estate.id, "grid_id": cls.grid.id}
        )
        cls.household = cls.env["community.household"].create(
            {"building_id": cls.building.id, "room": "101"}
        )
        cls.resident = cls.portal_user.partner_id
        cls.resident.write(
            {"household_id": cls.household.id, "id_number": valid_id_number("19800101", 1)}
        )

    @classmethod
    def _role_user(cls, login, group, area):
        user = new_test_user(cls.env, login=login, groups=f"base.group_user,{group}")
        user.community_area_ids = area
        return user


# Values a client may send where a controller expects something sensible.
JUNK_VALUES = ("abc", "-1", "0", "99999999999999999999", "", "1.5", "²", "[1, 2]")
# Path values for <int:...> converters: each one replaces every id of the URL.
JUNK_PATH_INTS = ("-1", "0", "99999999999999999999")
_PATH_ARG = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


def addon_routes(env, addon):
    """The routing rules whose endpoint is defined in ``addon``'s controllers,
    read from the routing map (a new route is covered without being listed)."""
    prefix = f"odoo.addons.{addon}."
    # the routing map is built for the database of the current thread
    thread = threading.current_thread()
    dbname = getattr(thread, "dbname", None)
    thread.dbname = env.cr.dbname
    try:
        rules = list(env["ir.http"].routing_map().iter_rules())
    finally:
        if dbname is None:
            del thread.dbname
        else:
            thread.dbname = dbname
    return [
        rule
        for rule in rules
        if getattr(rule.endpoint, "func", None)
        and rule.endpoint.func.__func__.__module__.startswith(prefix)
    ]


def _module_param_names(module):
    """Every name the controller module reads from a request: ``x.get("name")``,
    ``x.getlist("name")``, ``post["name"]`` / ``kw["name"]``."""
    names = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "getlist")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id in ("post", "kw", "kwargs", "params")
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            names.add(node.slice.value)
    return names


def route_param_names(rule):
    """The query/form parameters a route may read: its keyword arguments and
    the names its controller module reads from the request."""
    function = rule.endpoint.func.__func__
    original = getattr(function, "original_endpoint", function)
    names = {
        name
        for name, param in inspect.signature(original).parameters.items()
        if param.kind in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY)
    }
    names |= _module_param_names(inspect.getmodule(original))
    return sorted(names - {"self", "csrf_token"} - set(rule.arguments))


class _Collector(logging.Handler):
    def __init__(self, level):
        super().__init__(level)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class MalformedParamsMixin:
    """For an HttpCase: send junk to every route of an addon, as each user.

    No answer may be a server error (500) or show a traceback, and nothing may
    be logged as a warning or an error (a UserError escaping a route is logged
    and answered 400: the route must answer with a message or a redirect)."""

    def _path_variants(self, rule, path_ids):
        """(url, label) for the rule with real ids, then with junk ids."""

        def build(value_for):
            return _PATH_ARG.sub(
                lambda m: value_for(m.group(1) or "default", m.group(2)), rule.rule
            )

        def valid(converter, name):
            return str(path_ids.get(name, 1)) if converter == "int" else "abc"

        variants = [build(valid)]
        if any(c == "int" for c, _n in _PATH_ARG.findall(rule.rule)):
            for junk in JUNK_PATH_INTS:
                variants.append(build(lambda c, n, junk=junk: junk if c == "int" else valid(c, n)))
        return variants

    def _send(self, method, url, data):
        if method == "GET":
            query = f"?{urlencode(data)}" if data else ""
            return self.url_open(url + query, allow_redirects=False, timeout=60)
        data = [*data, ("csrf_token", http.Request.csrf_token(self))]
        return self.url_open(url, data=data, allow_redirects=False, timeout=60)

    def assert_routes_survive_junk(self, addon, logins, path_ids=None):
        """Send junk to every route of ``addon`` as each login (password = login).

        :param path_ids: {path argument name: a real id} so that the routes reach
            their parameter handling; other ids are 1
        """
        path_ids = path_ids or {}
        rules = addon_routes(self.env, addon)
        self.assertTrue(rules, f"no route found for {addon}")
        failures = []
        sent = 0
        handler = _Collector(logging.WARNING)
        logger = logging.getLogger("odoo")
        logger.addHandler(handler)
        self.addCleanup(logger.removeHandler, handler)
        for login in logins:
            self.authenticate(login, login)
            for rule in rules:
                methods = [m for m in ("GET", "POST") if not rule.methods or m in rule.methods]
                names = route_param_names(rule)
                urls = self._path_variants(rule, path_ids)
                for method in methods:
                    requests = [(url, []) for url in urls]
                    for junk in JUNK_VALUES:
                        requests.append((urls[0], [(name, junk) for name in names]))
                    # a list where a scalar is expected
                    requests.append((urls[0], [(n, v) for n in names for v in ("1", "abc")]))
                    for url, data in requests:
                        handler.records.clear()
                        response = self._send(method, url, data)
                        sent += 1
                        if (
                            response.status_code >= 500
                            or "Traceback" in response.text
                            or handler.records
                        ):
                            logged = "; ".join(r.getMessage()[:200] for r in handler.records)
                            failures.append(
                                f"{login} {method} {url} {data[:3]}… → "
                                f"{response.status_code} {logged}"
                            )
        self.assertFalse(failures, "\n".join(failures))
        return sent


class ParallelCase(TransactionCase):
    """Real parallel transactions: committed fixtures, then one thread per
    request, released together by a barrier, each in its own cursor and retried
    on serialisation failures as Odoo retries an HTTP request.

    The test transaction never sees the fixtures' rows; everything created by
    ``committed`` is deleted at the end of the test."""

    def committed(self, build):
        """Run ``build(env)`` in its own committed transaction (as superuser) and
        return its result; the records it returns in a dict are deleted after the
        test, last created first (pass ``{"key": record, ...}``)."""
        with self.registry.cursor() as cr:
            env = api.Environment(
                cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nosubscribe": True}
            )
            records = build(env)
            ids = [(record._name, record.ids) for record in records.values()]
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._delete_committed, ids)
        return {key: (record._name, record.id) for key, record in records.items()}

    def _delete_committed(self, ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            for model, record_ids in reversed(ids):
                records = env[model].browse(record_ids).exists()
                if "message_ids" in records._fields and records:
                    # notifications too (they are not in message_ids)
                    env["mail.message"].search(
                        [("model", "=", model), ("res_id", "in", records.ids)]
                    ).unlink()
                    records.message_follower_ids.unlink()
                cr.execute(
                    SQL(
                        "DELETE FROM %s WHERE id IN %s",
                        SQL.identifier(records._table),
                        tuple(records.ids) or (0,),
                    )
                )
            cr.commit()  # pylint: disable=invalid-commit

    def race(self, action, count=2):
        """Run ``action(env, index)`` in ``count`` threads at the same instant.

        :returns: per thread, "ok" or the message of the UserError it raised
        """
        barrier = threading.Barrier(count)
        results = [None] * count

        def run(index):
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
                barrier.wait(timeout=30)
                try:
                    retrying(lambda: action(env, index), env)
                    results[index] = "ok"
                except UserError as error:
                    cr.rollback()
                    results[index] = error.args[0]

        threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        return results

    def read_committed(self, read):
        """``read(env)`` in a fresh transaction that sees what the race committed."""
        with self.registry.cursor() as cr:
            return read(api.Environment(cr, SUPERUSER_ID, {}))


# The addons of the platform, whose fields and messages the words tests read.
PLATFORM_MODULES = (
    "community_grid",
    "community_party",
    "community_mediation",
    "community_volunteer",
)
# A word of Latin letters in a message a Chinese office reads (references such
# as "SJ2026…" or "TJ…" carry two letters and digits: they are not words).
ASCII_WORD = r"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])"


def english_in_messages(messages):
    """The (message id, text) of each message whose subject, body or tracked
    values carry an English word."""
    from odoo.tools import html2plaintext

    found = []
    for message in messages:
        texts = [message.subject or "", html2plaintext(message.body or "")]
        for tracking in message.sudo().tracking_value_ids:
            texts += [
                tracking.field_id.with_context(lang="zh_CN").field_description or "",
                tracking.old_value_char or "",
                tracking.new_value_char or "",
            ]
        for text in texts:
            if re.search(ASCII_WORD, text):
                found.append((message.id, text))
    return found
