package dev.podcheck.adapters.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementTest {
    /** Observations as "name@time". */
    private static long time(String s) {
        return Long.parseLong(s.substring(s.indexOf('@') + 1));
    }

    @Test
    void should_put_an_inferred_item_first_among_the_observations_of_its_millisecond() {
        List<String> merged = Placement.merge(List.of("a@1", "b@5", "c@5", "d@9"), PlacementTest::time,
                List.of(new Placement.Inferred<>(5, -1, "x@5")));

        assertThat(merged).containsExactly("a@1", "x@5", "b@5", "c@5", "d@9");
    }

    @Test
    void should_never_put_an_inferred_item_before_what_it_follows() {
        List<String> merged = Placement.merge(List.of("a@1", "b@5", "c@5", "d@9"), PlacementTest::time,
                List.of(new Placement.Inferred<>(5, 2, "x@5")));

        assertThat(merged).containsExactly("a@1", "b@5", "c@5", "x@5", "d@9");
    }

    @Test
    void should_order_inferred_items_of_one_place_by_time_then_by_what_they_follow() {
        List<String> merged = Placement.merge(List.of("a@1", "d@9"), PlacementTest::time,
                List.of(new Placement.Inferred<>(7, 0, "y@7"), new Placement.Inferred<>(3, 0, "x@3"),
                        new Placement.Inferred<>(12, 1, "z@12")));

        assertThat(merged).containsExactly("a@1", "x@3", "y@7", "d@9", "z@12");
    }
}
