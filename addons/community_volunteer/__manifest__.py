{
    "name": "Community Volunteers",
    "summary": "Volunteer teams, activities, service hours and a points ledger (志愿服务与积分)",
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
        "security/community_volunteer_security.xml",
        "security/ir.model.access.csv",
        "views/volunteer_team_views.xml",
        "views/community_volunteer_menus.xml",
    ],
    "demo": [
        "demo/volunteer_team_demo.xml",
    ],
}
