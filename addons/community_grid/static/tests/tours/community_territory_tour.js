import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// Community staff open the territory register, find an estate of their
// community and record a note on it.
registry.category("web_tour.tours").add("community_grid_territory_tour", {
    url: "/odoo/action-community_grid.community_area_action",
    steps: () => [
        {
            content: "Open an estate of the staff member's community",
            trigger: ".o_data_row td[name=complete_name]:contains('平东花园')",
            run: "click",
        },
        {
            content: "Its street is derived from the tree",
            trigger: ".o_field_widget[name=street_id]:contains('桂城街道')",
        },
        {
            content: "Write a note",
            trigger: ".o_field_widget[name=note] textarea",
            run: "edit 3栋2单元已完成入户走访",
        },
        ...stepUtils.saveForm(),
    ],
});
