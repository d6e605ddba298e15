from . import test_mediation_mediator
from . import test_mediation_case
from . import test_mediation_access
from . import test_mediation_session
from . import test_mediation_agreement
from . import test_mediation_screening
from . import test_mediation_portal
from . import test_mediation_tour
