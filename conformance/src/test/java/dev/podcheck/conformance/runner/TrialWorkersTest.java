package dev.podcheck.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class TrialWorkersTest {
    /** A target whose call returns an empty trace at once, or, for {@code hangs}, never (deaf to interrupts). */
    record StandIn(boolean hangs) implements Target {
        @Override
        public String name() {
            return "stand-in";
        }

        @Override
        public Set<Observation> observations() {
            return Set.of();
        }

        @Override
        public Duration tolerance() {
            return Duration.ZERO;
        }

        @Override
        public Trace run(Scenario defaulted, Duration horizon) {
            while (hangs) {
                LockSupport.park();
            }
            return new Trace(List.of());
        }
    }

    @Test
    void should_settle_a_call_past_its_deadline_as_abandoned_and_run_the_rest_on_a_new_thread() throws Exception {
        // GIVEN one thread, a deadline of 200 ms, and trial 1 whose call never returns
        Map<Integer, String> settled = new ConcurrentHashMap<>();
        TrialWorkers.Job job = (i, call) -> {
            try {
                call.run(new StandIn(i == 1), null, Duration.ZERO);
                return TrialOutcome.failed(i, 0, null, null, "trial " + i, "ran");
            } catch (Target.TargetException e) {
                return TrialOutcome.failed(i, 0, null, null, "trial " + i, e.getMessage());
            }
        };

        // WHEN three trials run
        new TrialWorkers(1, Duration.ofMillis(200)).runAll(3, job,
                i -> TrialOutcome.failed(i, 0, null, null, "trial " + i, "abandoned"),
                o -> settled.put(o.trial(), o.error()));

        // THEN each is settled once: the hung one as abandoned, the one after it by the thread that took over
        assertThat(settled).containsExactlyInAnyOrderEntriesOf(Map.of(0, "ran", 1, "abandoned", 2, "ran"));
    }
}
