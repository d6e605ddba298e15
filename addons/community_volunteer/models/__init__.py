from . import volunteer_team
