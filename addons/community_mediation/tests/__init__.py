from . import test_mediation_mediator
