from . import (
    res_partner,
    res_users,
    volunteer_activity,
    volunteer_point_line,
    volunteer_profile,
    volunteer_redemption,
    volunteer_registration,
    volunteer_reward,
    volunteer_shift_template,
    volunteer_skill,
    volunteer_team,
)
