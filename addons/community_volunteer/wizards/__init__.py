from . import volunteer_bonus_wizard, volunteer_redeem_wizard
