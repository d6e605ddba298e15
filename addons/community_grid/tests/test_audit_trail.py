import re
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import CommunityCase, new_test_user, valid_id_number


class AuditCase(CommunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.auditor = new_test_user(
            cls.env, login="t_auditor", groups="base.group_user,community_grid.group_auditor"
        )
        cls.sysadmin = new_test_user(
            cls.env, login="t_sysadmin", groups="base.group_user,base.group_system"
        )

    def _event(self):
        category = self.env["community.event.category"].create({"name": "审计测试类别"})
        return self.env["community.event"].create(
            {
                "title": "审计测试事件",
                "description": "路灯坏了",
                "category_id": category.id,
                "community_id": self.community.id,
                "grid_id": self.grid.id,
            }
        )

    def _logs(self, record, method, user=None):
        domain = [
            ("model_model", "=", record._name),
            ("res_id", "=", record.id),
            ("method", "=", method),
        ]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["auditlog.log"].search(domain)


@tagged("post_install", "-at_install")
class TestAuditTrail(AuditCase):
    def test_phone_change_and_id_number_read_seen_by_auditor_only(self):
        resident = self.resident
        resident.with_user(self.staff).write({"phone": "13812345678"})
        values = resident.with_user(self.staff).read(["name", "id_number"])
        self.assertEqual(values[0]["id_number"], resident.id_number)

        change = self._logs(resident, "write", self.staff)
        self.assertEqual(len(change), 1)
        phone_line = change.line_ids.filtered(lambda line: line.field_name == "phone")
        self.assertFalse(phone_line.old_value_text)
        self.assertEqual(phone_line.new_value_text, "13812345678")
        read = self._logs(resident, "read", self.staff)
        self.assertEqual(len(read), 1)
        self.assertEqual(read.line_ids.field_name, "id_number")
        self.assertNotIn(resident.id_number, read.line_ids.old_value_text or "")

        as_auditor = self.env["auditlog.log"].with_user(self.auditor)
        seen = as_auditor.search(
            [("model_model", "=", "res.partner"), ("res_id", "=", resident.id)]
        )
        self.assertIn(change, seen)
        self.assertIn(read, seen)
        self.assertIn(
            "13812345678", change.with_user(self.auditor).line_ids.mapped("new_value_text")
        )
        for user in (self.staff, self.manager, self.grid_worker, self.plain_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.env["auditlog.log"].with_user(user).search([])
            with self.assertRaises(AccessError, msg=user.login):
                change.line_ids.with_user(user).read(["new_value_text"])

    def test_only_reads_that_hand_out_the_id_number_are_logged(self):
        resident = self.resident
        resident.with_user(self.staff).read(["name", "phone", "id_number_masked"])
        self.env["res.partner"].with_user(self.staff).search_read(
            [("id", "=", resident.id)], ["name"]
        )
        resident.read(["id_number"])  # the platform's own (superuser) reads
        self.assertFalse(self._logs(resident, "read"))

        self.env["res.partner"].with_user(self.staff).search_read(
            [("id", "=", resident.id)], ["id_number"]
        )
        self.assertEqual(len(self._logs(resident, "read", self.staff)), 1)
        self.portal_user.with_user(self.staff).read(["id_number"])  # the user's partner
        self.assertEqual(len(self._logs(resident, "read", self.staff)), 2)
        self.manager.groups_id += self.env.ref("base.group_allow_export")
        resident.with_user(self.manager).export_data(["name", "id_number"])
        self.assertEqual(len(self._logs(resident, "read", self.manager)), 1)

    def test_id_number_change_is_logged_masked(self):
        old = self.resident.id_number
        new = valid_id_number("19800101", 2)
        self.resident.with_user(self.staff).write({"id_number": new})
        line = self._logs(self.resident, "write", self.staff).line_ids.filtered(
            lambda line: line.field_name == "id_number"
        )
        self.assertEqual(line.old_value_text, old[:4] + "**********" + old[-4:])
        self.assertEqual(line.new_value_text, new[:4] + "**********" + new[-4:])

    def test_creation_logs_the_filled_fields_only(self):
        household = self.env["community.household"].create(
            {"building_id": self.building.id, "room": "202"}
        )
        partner = (
            self.env["res.partner"]
            .with_user(self.staff)
            .create({"name": "审计测试居民", "household_id": household.id, "mobile": "13900001111"})
        )
        lines = self._logs(partner, "create", self.staff).line_ids
        self.assertIn("mobile", lines.mapped("field_name"))
        self.assertNotIn("email", lines.mapped("field_name"))
        self.assertLess(len(lines), 30)

    def test_events_and_households_are_audited(self):
        event = self._event()
        self.assertTrue(self._logs(event, "create"))
        self.household.with_user(self.staff).write({"room": "102"})
        line = self._logs(self.household, "write", self.staff).line_ids.filtered(
            lambda line: line.field_name == "room"
        )
        self.assertEqual((line.old_value_text, line.new_value_text), ("101", "102"))

    def test_role_changes_are_audited(self):
        auditor_group = self.env.ref("community_grid.group_auditor")
        self.plain_user.write({"groups_id": [Command.link(auditor_group.id)]})
        line = self._logs(self.plain_user, "write").line_ids.filtered(
            lambda line: line.field_name == "groups_id"
        )
        self.assertNotIn("Auditor", line.old_value_text)
        self.assertIn("Auditor", line.new_value_text)

    def test_nobody_changes_or_deletes_the_audit_trail(self):
        self.resident.with_user(self.staff).write({"phone": "13812345678"})
        log = self._logs(self.resident, "write", self.staff)
        for user in (self.auditor, self.manager, self.sysadmin):
            with self.assertRaises(AccessError, msg=user.login):
                log.with_user(user).unlink()
            with self.assertRaises(AccessError, msg=user.login):
                log.line_ids.with_user(user).unlink()
            with self.assertRaises(AccessError, msg=user.login):
                log.line_ids.with_user(user).write({"new_value_text": "13800000000"})
            with self.assertRaises(AccessError, msg=user.login):
                log.with_user(user).write({"user_id": user.id})
            with self.assertRaises(AccessError, msg=user.login):
                self.env["auditlog.log"].with_user(user).create(
                    {"model_id": log.model_id.id, "res_id": self.resident.id, "method": "read"}
                )
            with self.assertRaises(AccessError, msg=user.login):
                log.http_request_id.with_user(user).unlink()
        # the administrator's retention job is refused too: it runs as superuser only
        with self.assertRaises(AccessError):
            self.env["auditlog.autovacuum"].with_user(self.sysadmin).autovacuum(0)
        self.assertTrue(log.exists())
        self.assertIn("13812345678", log.line_ids.mapped("new_value_text"))

    def test_auditor_changes_no_business_data(self):
        event = self._event()
        with self.assertRaises(AccessError):
            self.resident.with_user(self.auditor).write({"phone": "13800000000"})
        with self.assertRaises(AccessError):
            event.with_user(self.auditor).write({"title": "改过的事件"})
        with self.assertRaises(AccessError):
            self.household.with_user(self.auditor).write({"room": "999"})
        with self.assertRaises(AccessError):
            self.env["auditlog.rule"].with_user(self.auditor).search([], limit=1).write(
                {"state": "draft"}
            )
        self.assertFalse(self.auditor.has_group("community_grid.group_grid_worker"))
        self.assertFalse(self.auditor.has_group("community_grid.group_department_member"))

    def test_watched_models_have_subscribed_rules(self):
        rules = self.env["auditlog.rule"].search([("state", "=", "subscribed")])
        watched = set(rules.mapped("model_id.model"))
        self.assertLessEqual({"res.partner", "community.household", "community.event"}, watched)
        self.assertFalse(any(rules.mapped("log_read")), "reads are logged for ID numbers only")


@tagged("post_install", "-at_install")
class TestAuditRetention(AuditCase):
    def test_retention_is_at_least_six_months_and_runs(self):
        cron = self.env.ref("community_grid.ir_cron_audit_retention")
        self.assertTrue(cron.active)
        self.assertEqual(cron.model_id.model, "auditlog.autovacuum")
        match = re.fullmatch(r"model\.autovacuum\((\d+)\)", cron.code.strip())
        days = int(match.group(1))
        self.assertGreaterEqual(days, 184, "six months can be 184 days")
        self.assertFalse(self.env.ref("auditlog.ir_cron_auditlog_autovacuum").active)

        model = self.env["ir.model"]._get("res.partner")
        old, recent = self.env["auditlog.log"].create(
            [
                {"model_id": model.id, "res_id": self.resident.id, "method": "write"},
                {"model_id": model.id, "res_id": self.resident.id, "method": "write"},
            ]
        )
        now = fields.Datetime.now()
        self.env.cr.execute(
            "UPDATE auditlog_log SET create_date = %s WHERE id = %s",
            (now - timedelta(days=days + 1), old.id),
        )
        self.env.cr.execute(
            "UPDATE auditlog_log SET create_date = %s WHERE id = %s",
            (now - timedelta(days=184), recent.id),
        )
        self.env["auditlog.log"].invalidate_model(["create_date"])
        cron.ir_actions_server_id.run()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())


@tagged("post_install", "-at_install")
class TestAuditTrailOverRpc(HttpCase):
    def setUp(self):
        super().setUp()
        resident = self.env["res.partner"].create({"name": "RPC审计居民"})
        resident.write({"phone": "13811112222"})
        self.log = self.env["auditlog.log"].search(
            [
                ("model_model", "=", "res.partner"),
                ("res_id", "=", resident.id),
                ("method", "=", "write"),
            ]
        )
        self.assertEqual(len(self.log), 1)
        new_test_user(
            self.env,
            login="t_rpc_auditor",
            groups="base.group_user,community_grid.group_auditor",
        )

    def _call(self, model, method, args):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": {}},
        )

    @mute_logger("odoo.http")
    def test_unlink_and_write_refused_over_json_rpc(self):
        for login in ("admin", "t_rpc_auditor"):
            self.authenticate(login, login)
            with self.assertRaises(JsonRpcException, msg=login):
                self._call("auditlog.log", "unlink", [self.log.ids])
            with self.assertRaises(JsonRpcException, msg=login):
                self._call("auditlog.log.line", "unlink", [self.log.line_ids.ids])
            with self.assertRaises(JsonRpcException, msg=login):
                self._call(
                    "auditlog.log.line", "write", [self.log.line_ids.ids, {"new_value_text": "x"}]
                )
        self.authenticate("t_rpc_auditor", "t_rpc_auditor")
        rows = self._call("auditlog.log", "read", [self.log.ids, ["res_id"]])
        self.assertEqual(rows[0]["res_id"], self.log.res_id)
        self.assertTrue(self.log.exists())
        self.assertIn("13811112222", self.log.line_ids.mapped("new_value_text"))
        self.assertNotIn("x", self.log.line_ids.mapped("new_value_text"))
