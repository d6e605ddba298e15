from . import (
    community_event,
    community_microproject,
    community_topic,
    governance_cockpit,
    governance_code_mixin,
    mediation_case,
)
