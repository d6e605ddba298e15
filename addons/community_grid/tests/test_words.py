import re
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import PLATFORM_MODULES, CommunityCase, english_in_messages, new_test_user

# The address meaning of "State" in Odoo's own catalogues.
ADDRESS_WORDS = {"省/州", "省", "州", "省份"}
STATUS_FIELD = re.compile(r"^(state|status|.+_state|.+_status)$")


@tagged("post_install", "-at_install")
class TestWords(CommunityCase):
    """The words a Chinese office reads: status labels and the messages the
    platform's code posts."""

    def test_status_fields_read_status_in_chinese(self):
        """Every status field of the four addons is labelled with a status
        word in zh_CN, never with the address word 省/州."""
        field_ids = (
            self.env["ir.model.data"]
            .sudo()
            .search([("model", "=", "ir.model.fields"), ("module", "in", PLATFORM_MODULES)])
            .mapped("res_id")
        )
        fields_ = (
            self.env["ir.model.fields"]
            .browse(field_ids)
            .filtered(lambda f: f.ttype == "selection" and STATUS_FIELD.match(f.name))
            .with_context(lang="zh_CN")
        )
        # the four addons have status fields on more than fifteen models
        self.assertGreater(len(fields_.mapped("model")), 15)
        wrong = {
            f"{field.model}.{field.name}": field.field_description
            for field in fields_
            if field.field_description in ADDRESS_WORDS
            or not re.search(r"[\u4e00-\u9fff]", field.field_description or "")
        }
        self.assertFalse(wrong, "status fields without a Chinese status label")
        # and the generic labels read as a street office means them
        Event = self.env["community.event"].with_context(lang="zh_CN")
        self.assertEqual(Event._fields["state"].get_description(Event.env)["string"], "状态")
        self.assertEqual(Event._fields["name"].get_description(Event.env)["string"], "编号")
        Household = self.env["community.household"].with_context(lang="zh_CN")
        self.assertEqual(
            Household._fields["member_ids"].get_description(Household.env)["string"], "家庭成员"
        )

    def test_messages_of_the_event_flow_are_chinese(self):
        """A household and an event handled from report to close, by users
        who read Chinese: the chatter has no English word."""
        env = self.env(context={"lang": "zh_CN"})
        worker = self.grid_worker
        worker.write({"lang": "zh_CN", "name": "王网格"})
        self.resident.write({"lang": "zh_CN", "name": "李居民"})
        department_user = new_test_user(
            env,
            login="t_words_department",
            name="张部门",
            lang="zh_CN",
            groups="base.group_user,community_grid.group_department_member",
        )
        department = env["community.department"].create(
            {"name": "测试城管中队", "member_ids": [Command.set(department_user.ids)]}
        )
        category = env["community.event.category"].create(
            {"name": "安全隐患", "sla_amount": 8, "sla_unit": "hours"}
        )
        household = env["community.household"].create(
            {"building_id": self.building.id, "room": "202"}
        )
        event = (
            env["community.event"]
            .with_user(worker)
            .create(
                {
                    "title": "楼道灯损坏",
                    "description": "三楼至六楼楼道灯不亮",
                    "category_id": category.id,
                    "grid_id": self.grid.id,
                    "reporter_type": "resident",
                    "reporter_id": self.resident.id,
                }
            )
        )
        event.action_accept()
        event.action_wait()
        event.action_resume()
        event.write(
            {
                "task_ids": [Command.create({"department_id": department.id})],
            }
        )
        event.action_whistle()
        event.task_ids.with_user(department_user).write({"answer": "已更换灯管"})
        event.task_ids.with_user(department_user).action_answer()
        event.write({"outcome": "resolved", "answer": "已更换楼道灯"})
        event.action_handle()
        event.sudo().action_close()
        messages = env["mail.message"].search(
            [
                "|",
                "&",
                ("model", "=", "community.event"),
                ("res_id", "=", event.id),
                "&",
                ("model", "=", "community.household"),
                ("res_id", "=", household.id),
            ]
        )
        # the flow wrote history: creation, the state changes, the answer
        self.assertGreater(len(messages), 4)
        self.assertFalse(english_in_messages(messages))

    def test_scheduled_job_and_data_loading_speak_chinese(self):
        """Jobs and data loading run without a language: the platform's
        messages are still in the communities' language."""
        category = self.env["community.event.category"].create(
            {"name": "安全隐患", "sla_amount": 1, "sla_unit": "hours"}
        )
        self.grid_worker.name = "王网格"
        self.manager.name = "李主任"
        event = self.env["community.event"].create(
            {
                "title": "楼道灯损坏",
                "description": "三楼楼道灯不亮",
                "category_id": category.id,
                "grid_id": self.grid.id,
                "user_id": self.grid_worker.id,
            }
        )
        event.action_accept()
        event.write({"deadline": fields.Datetime.now() - timedelta(days=3)})
        no_lang = self.env(context={})
        self.assertIsNone(no_lang.lang)
        cron = self.env.ref("community_grid.ir_cron_event_supervision").with_env(no_lang)
        cron._callback(cron.cron_name, cron.ir_actions_server_id.id)
        self.assertTrue(event.supervised)
        # a household created as data loading does (no language)
        household = (
            no_lang["community.household"]
            .with_context(tracking_disable=False)
            .create({"building_id": self.building.id, "room": "303"})
        )
        messages = self.env["mail.message"].search(
            [("model", "=", "community.event"), ("res_id", "=", event.id)]
        ) | self.env["mail.message"].search(
            [("model", "=", "community.household"), ("res_id", "=", household.id)]
        )
        self.assertIn("住户", " ".join(messages.mapped("body")))
        summaries = event.activity_ids.mapped("summary")
        self.assertEqual(len(summaries), 2)  # the reminder and the supervision notice
        self.assertTrue(any("督办" in summary for summary in summaries))
        self.assertFalse([s for s in summaries if re.search(r"[A-Za-z]{3,}", s)])
        self.assertFalse(english_in_messages(messages))
