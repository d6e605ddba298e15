from . import test_party_organization
