from . import test_community_area
