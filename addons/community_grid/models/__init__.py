from . import community_area
from . import res_users
