from . import (
    test_malformed_params,
    test_meeting,
    test_microproject,
    test_owners_committee,
    test_parallel_ballot,
    test_party_member,
    test_party_organization,
    test_portal,
    test_reports,
    test_tour,
    test_views,
)
