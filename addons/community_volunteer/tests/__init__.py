from . import (
    test_access,
    test_ledger,
    test_malformed_params,
    test_parallel_signup,
    test_portal,
    test_redemption,
    test_registration,
    test_tour,
    test_volunteer_team,
)
