from stdnum.cn import ric

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


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
    import re

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
