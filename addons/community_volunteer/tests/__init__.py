from . import test_volunteer_team
from . import test_registration
from . import test_ledger
from . import test_redemption
from . import test_access
from . import test_portal
from . import test_tour
