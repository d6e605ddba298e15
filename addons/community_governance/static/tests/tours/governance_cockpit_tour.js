import {registry} from "@web/core/registry";

// A street manager lands on the cockpit and drills down into overdue events.
registry.category("web_tour.tours").add("governance_cockpit_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The cockpit is the home page: one card per community",
            trigger: ".o_kanban_record:contains('测试东社区')",
        },
        {
            content: "Open the overdue events of the community",
            trigger: ".o_kanban_record:contains('测试东社区') button.o_cockpit_events_overdue",
            run: "click",
        },
        {
            content: "The list shows the overdue event",
            trigger: ".o_list_view .o_data_row:contains('超期未办的路灯')",
        },
        {
            content: "and only it",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('按时的事件')))",
        },
    ],
});
