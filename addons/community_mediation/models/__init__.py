from . import (
    res_users,
    mediation_agreement,
    mediation_case,
    mediation_event_link,
    mediation_mediator,
    mediation_room,
    mediation_screening,
    mediation_session,
    res_partner,
)
