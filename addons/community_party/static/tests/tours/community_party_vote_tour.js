import {registry} from "@web/core/registry";

// A resident opens the micro-projects of her community in the portal and
// votes on the one being put to the vote.
registry.category("web_tour.tours").add("community_party_vote_tour", {
    url: "/my/microprojects",
    steps: () => [
        {
            content: "Open the micro-project being voted on",
            trigger: ".o_microproject_row a:contains('休闲设施')",
            run: "click",
        },
        {
            content: "Choose the second option",
            trigger: ".o_vote_form label:contains('方案二')",
            run: "click",
        },
        {
            content: "Cast the vote",
            trigger: ".o_vote_form .o_vote_submit",
            run: "click",
        },
        {
            content: "The vote is recorded",
            trigger: ".o_vote_done:contains('方案二')",
        },
    ],
});
