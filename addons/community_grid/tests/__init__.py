from . import (
    test_community_area,
    test_community_event,
    test_event_portal,
    test_import,
    test_malformed_params,
    test_onboarding,
    test_tour,
)
