from . import community_area
from . import community_grid
from . import community_building
from . import community_household
from . import res_partner
from . import res_users
from . import community_department
from . import community_event
