import {registry} from "@web/core/registry";

// Community staff open the event kanban, then an event, and accept it.
registry.category("web_tour.tours").add("community_event_backend_tour", {
    url: "/odoo/action-community_grid.community_event_action",
    steps: () => [
        {
            content: "The kanban shows the reported event",
            trigger: ".o_kanban_record:contains('1栋楼下垃圾堆放')",
            run: "click",
        },
        {
            content: "Accept it",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        {
            content: "Accepted events can be escalated to the street",
            trigger: ".o_form_view button[name=action_whistle]",
        },
        {
            content: "Back to the events, in the list view",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The list shows the deadline status",
            trigger: ".o_list_view .o_data_row td[name=sla_state]",
        },
        {
            content: "Switch to the pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot is drawn",
            trigger: ".o_pivot table",
        },
        {
            content: "Switch to the calendar",
            trigger: ".o_switch_view.o_calendar",
            run: "click",
        },
        {
            content: "The calendar is drawn",
            trigger: ".o_calendar_renderer",
        },
    ],
});
