from . import (
    test_event_link,
    test_malformed_params,
    test_mediation_access,
    test_mediation_agreement,
    test_mediation_case,
    test_mediation_export,
    test_mediation_mediator,
    test_mediation_portal,
    test_mediation_screening,
    test_mediation_session,
    test_mediation_tour,
)
