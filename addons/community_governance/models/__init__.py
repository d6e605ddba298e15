# the mixin first: the models below inherit it
from . import governance_code_mixin

# isort: split
from . import (
    community_event,
    community_microproject,
    community_topic,
    governance_cockpit,
    mediation_case,
)
