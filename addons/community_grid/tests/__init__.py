from . import test_community_area
from . import test_tour
