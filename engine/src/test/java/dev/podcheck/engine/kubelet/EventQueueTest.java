package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Virtual time: actions run by time, then in the order they were scheduled. */
class EventQueueTest {

    @Test
    void should_run_actions_by_time_then_scheduling_order() {
        // GIVEN many actions at few distinct times, in a shuffled order
        EventQueue queue = new EventQueue();
        List<long[]> ran = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            long at = random.nextLong(20);
            long order = i;
            queue.at(at, () -> ran.add(new long[] {queue.now(), at, order}));
        }

        // WHEN
        queue.runUntil(100);

        // THEN each ran at its time, sorted by (time, order)
        assertThat(ran).hasSize(500);
        for (int i = 0; i < ran.size(); i++) {
            assertThat(ran.get(i)[0]).isEqualTo(ran.get(i)[1]);
            if (i > 0) {
                long[] a = ran.get(i - 1);
                long[] b = ran.get(i);
                assertThat(a[1] < b[1] || (a[1] == b[1] && a[2] < b[2])).as("event %d after %d", i, i - 1).isTrue();
            }
        }
    }

    @Test
    void should_run_actions_scheduled_while_running_and_never_go_back_in_time() {
        // GIVEN an action that schedules one in the past and one later
        EventQueue queue = new EventQueue();
        List<String> ran = new ArrayList<>();
        queue.at(10, () -> {
            ran.add("first@" + queue.now());
            queue.at(5, () -> ran.add("past@" + queue.now()));
            queue.at(30, () -> ran.add("later@" + queue.now()));
            queue.at(200, () -> ran.add("beyond@" + queue.now()));
        });

        // WHEN
        queue.runUntil(100);

        // THEN the past one runs now, the later one at its time, nothing beyond the horizon
        assertThat(ran).containsExactly("first@10", "past@10", "later@30");
        assertThat(queue.now()).isEqualTo(100);
    }
}
