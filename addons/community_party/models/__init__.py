from . import party_organization
