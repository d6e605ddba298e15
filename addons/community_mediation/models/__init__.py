from . import mediation_mediator
