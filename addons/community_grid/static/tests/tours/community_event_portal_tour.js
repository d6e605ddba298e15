import {registry} from "@web/core/registry";

// A resident reports a problem from the portal, on a phone-sized page.
registry.category("web_tour.tours").add("community_event_portal_tour", {
    url: "/my/events",
    steps: () => [
        {
            content: "Start a new report",
            trigger: "a.o_event_new_link",
            run: "click",
        },
        {
            content: "Choose what it is about",
            trigger: "select[name=category_id]",
            run: "selectByIndex 1",
        },
        {
            content: "Title",
            trigger: "input[name=title]",
            run: "edit 楼下路灯不亮",
        },
        {
            content: "Description",
            trigger: "textarea[name=description]",
            run: "edit 平东花园3栋门口路灯连续三晚不亮，老人夜里出行不便。",
        },
        {
            content: "Submit",
            trigger: ".o_event_new_form button[type=submit]",
            run: "click",
        },
        {
            content: "The report is received",
            trigger: ".o_portal_event .alert-success",
        },
        {
            content: "and shows its title",
            trigger: ".o_portal_event h4:contains('楼下路灯不亮')",
        },
    ],
});
