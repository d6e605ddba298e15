from . import (
    community_area,
    community_meeting,
    community_microproject,
    community_topic,
    owners_committee,
    party_member,
    party_organization,
    party_service,
    property_company,
    res_partner,
    res_users,
)
