from . import (
    community_area,
    community_building,
    community_department,
    community_event,
    community_event_league,
    community_grid,
    community_guard,
    community_household,
    community_resident_claim,
    ir_ui_menu,
    res_partner,
    res_users,
)
