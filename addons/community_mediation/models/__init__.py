from . import (
    mediation_agreement,
    mediation_case,
    mediation_event_link,
    mediation_mediator,
    mediation_room,
    mediation_screening,
    mediation_session,
    res_partner,
    res_users,
)
