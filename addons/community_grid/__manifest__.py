{
    "name": "Community Grid",
    "summary": "Territory, grids, households and residents for community governance "
    "(社区网格化治理)",
    "version": "18.0.1.0.0",
    "category": "Community Governance",
    "website": "https://github.com/community-governance/community-governance",
    "author": "Community Governance Platform Contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "depends": ["mail", "portal"],
    "data": [
        "security/community_grid_security.xml",
        "security/ir.model.access.csv",
        "data/community_household_tag_data.xml",
        "views/community_area_views.xml",
        "views/community_grid_views.xml",
        "views/community_building_views.xml",
        "views/community_household_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/community_grid_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "community_grid/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/community_area_demo.xml",
        "demo/res_users_demo.xml",
        "demo/community_grid_demo.xml",
    ],
}
