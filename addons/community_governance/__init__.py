from . import models


def _assign_governance_codes(env):
    """Records made before the bridge was installed get their code: an event
    its reference, a case its event's code or its own reference, a topic or
    a micro-project a code of the sequence."""
    for event in env["community.event"].search([("governance_code", "=", False)]):
        event.governance_code = event.name
    for case in (
        env["mediation.case"]
        .with_context(active_test=False)
        .search([("governance_code", "=", False)])
    ):
        case.governance_code = case.event_id.governance_code or case.name
    for model in ("community.topic", "community.microproject"):
        for record in env[model].search([("governance_code", "=", False)]):
            record.governance_code = env["ir.sequence"].next_by_code("community.governance.code")


def post_init_hook(env):
    _assign_governance_codes(env(su=True))
