from . import test_volunteer_team
