import {registry} from "@web/core/registry";

// A resident opens their volunteer page on the phone, signs up for an upcoming
// activity of their community and redeems a reward with their points.
registry.category("web_tour.tours").add("community_volunteer_portal_tour", {
    url: "/my/volunteer",
    steps: () => [
        {
            content: "Sign up for the upcoming neighbourhood clean-up",
            trigger:
                ".o_volunteer_activity:contains('楼道清洁日') button.o_volunteer_signup",
            run: "click",
        },
        {
            content: "The sign-up is confirmed",
            trigger: ".o_volunteer_flash_success",
        },
        {
            content: "The activity now shows as signed up",
            trigger: ".o_volunteer_activity:contains('楼道清洁日') .o_volunteer_signed_up",
        },
        {
            content: "Redeem a reusable shopping bag",
            trigger: ".o_volunteer_reward:contains('环保购物袋') button.o_volunteer_redeem",
            run: "click",
        },
        {
            content: "The redemption is confirmed",
            trigger: ".o_volunteer_flash_success",
        },
        {
            content: "The points history shows the redemption",
            trigger: ".o_volunteer_point_line:contains('环保购物袋')",
        },
    ],
});
