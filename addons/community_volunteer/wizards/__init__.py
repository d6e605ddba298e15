from . import volunteer_redeem_wizard
from . import volunteer_bonus_wizard
