from . import (
    community_event,
    mediation_agreement,
    mediation_case,
    mediation_mediator,
    mediation_room,
    mediation_screening,
    mediation_session,
)
