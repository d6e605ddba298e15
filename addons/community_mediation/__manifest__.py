{
    "name": "Community Mediation",
    "summary": "Dispute mediation with tiered mediators and escalation (矛盾纠纷调解)",
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
        "security/community_mediation_security.xml",
        "security/ir.model.access.csv",
        "views/mediation_mediator_views.xml",
        "views/community_mediation_menus.xml",
    ],
    "demo": [
        "demo/mediation_mediator_demo.xml",
    ],
}
