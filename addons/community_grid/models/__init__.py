from . import community_area, res_users
