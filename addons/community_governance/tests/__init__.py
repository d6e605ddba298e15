from . import test_chain, test_cockpit, test_portal, test_tour
