from . import mediation_mediator
from . import mediation_room
from . import mediation_case
from . import mediation_session
from . import mediation_agreement
from . import mediation_screening
