import {registry} from "@web/core/registry";

// A grid worker on a phone: the login lands on the open events of their
// grids, as cards; the residents of their grid open as cards too.
registry.category("web_tour.tours").add("community_grid_worker_phone_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Home is the grid worker's open events, as cards",
            trigger: ".o_kanban_view .o_kanban_record",
        },
        {
            content: "The breadcrumb names the work, not the inbox",
            trigger: ".o_breadcrumb:contains('我的待办事件')",
        },
        {
            content: "Open the residents",
            trigger: "body",
            run: () => {
                window.location.href = "/odoo/action-community_grid.res_partner_action_resident";
            },
        },
        {
            content: "Residents show as cards on a phone",
            trigger: ".o_action_manager .o_kanban_view .o_kanban_record:not(.o_kanban_ghost)",
        },
        {
            content: "The phone number can be tapped to call",
            trigger: ".o_kanban_record a[href^='tel:']",
        },
    ],
});
