{
    "name": "Community Governance Loop",
    "summary": "One matter, one code (一事一码): hand-overs between grid events, mediation, "
    "deliberation and micro-projects, and the manager's cockpit",
    "version": "18.0.1.0.0",
    "category": "Community Governance",
    "website": "https://github.com/community-governance/community-governance",
    "author": "Community Governance Platform Contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "auto_install": True,
    "post_init_hook": "post_init_hook",
    "depends": [
        "community_grid",
        "community_party",
        "community_mediation",
        "community_volunteer",
    ],
    "data": [
        "security/community_governance_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/governance_chain_views.xml",
        "views/governance_cockpit_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/governance_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "community_governance/static/tests/tours/*.js",
        ],
    },
}
