{
    "name": "Community Party Building",
    "summary": "Party organisations on the territory, members, red property and "
    "deliberation (党建引领)",
    "version": "18.0.1.0.0",
    "category": "Community Governance",
    "website": "https://github.com/community-governance/community-governance",
    "author": "Community Governance Platform Contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["community_grid"],
    "data": [
        "security/community_party_security.xml",
        "security/ir.model.access.csv",
        "views/party_organization_views.xml",
        "views/community_party_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/party_organization_demo.xml",
    ],
}
