from . import test_community_area
from . import test_tour
from . import test_community_event
from . import test_event_portal
from . import test_import
from . import test_onboarding
