import {registry} from "@web/core/registry";

// A resident applies for mediation from the portal and lands on the case.
registry.category("web_tour.tours").add("community_mediation_apply_tour", {
    url: "/my/mediation",
    steps: () => [
        {
            content: "Open the application form",
            trigger: "a.o_mediation_apply",
            run: "click",
        },
        {
            content: "Choose the type of dispute",
            trigger: "select[name=dispute_type]",
            run: "select neighbour",
        },
        {
            content: "Name the other party",
            trigger: "input[name=other_party]",
            run: "edit 楼下101住户",
        },
        {
            content: "Describe the dispute",
            trigger: "textarea[name=description]",
            run: "edit 楼下住户在公共绿地种菜施肥, 气味很大, 协商多次未果。",
        },
        {
            content: "Give a preferred time",
            trigger: "input[name=preferred_time]",
            run: "edit 周末上午",
        },
        {
            content: "Submit the application",
            trigger: ".o_mediation_apply_form button[type=submit]",
            run: "click",
        },
        {
            content: "The case is registered and shown",
            trigger: ".o_mediation_submitted",
        },
        {
            content: "The other party is listed",
            trigger: ".o_mediation_parties:contains('楼下101住户')",
        },
    ],
});
