# The mixin first: the models below inherit it.
from . import workflow_order_mixin

# isort: split
from . import (
    auditlog,
    community_area,
    community_building,
    community_department,
    community_event,
    community_event_league,
    community_grid,
    community_guard,
    community_household,
    community_resident_claim,
    ir_config_parameter,
    ir_cron,
    ir_http,
    ir_ui_menu,
    mail_thread,
    res_partner,
    res_users,
)
