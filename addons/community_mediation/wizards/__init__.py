from . import mediation_case_escalate
