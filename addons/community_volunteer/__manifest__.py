{
    "name": "Community Volunteers",
    "summary": "Volunteer teams, activities, service hours, an append-only points ledger "
    "and rewards (志愿服务与积分)",
    "version": "18.0.1.1.0",
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
        "data/volunteer_data.xml",
        "data/ir_cron_data.xml",
        "data/auditlog_rule_data.xml",
        "views/volunteer_activity_views.xml",
        "views/volunteer_registration_views.xml",
        "views/volunteer_point_line_views.xml",
        "views/volunteer_reward_views.xml",
        "views/volunteer_profile_views.xml",
        "views/volunteer_team_views.xml",
        "views/volunteer_portal_templates.xml",
        "views/community_volunteer_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "community_volunteer/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/volunteer_team_demo.xml",
        "demo/volunteer_activity_demo.xml",
        "demo/res_users_home_demo.xml",
    ],
}
