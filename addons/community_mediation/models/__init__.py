from . import (
    mediation_agreement,
    mediation_case,
    mediation_mediator,
    mediation_room,
    mediation_screening,
    mediation_session,
)
from . import community_event
