package dev.podcheck.conformance.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.HookFinished;
import dev.podcheck.spec.trace.TraceEvent.HookStarted;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TraceIndexTest {
    static final ContainerStatusChanged APP_RUNS = running(1000, "app");
    static final ContainerStatusChanged SIDE_RUNS = running(1000, "side");
    static final KubeletEvent APP_STARTED = new KubeletEvent(1000, "Started", "app", "Started container app");
    static final HookStarted APP_HOOK = new HookStarted(1000, "app", TraceEvent.Hook.postStart);
    static final HookFinished APP_HOOK_DONE = new HookFinished(1500, "app", TraceEvent.Hook.postStart, false);
    static final KubeletEvent SIDE_KILLED = new KubeletEvent(2000, "Killing", "side", "Stopping container side");
    /** The same status written twice: a position is the first one's, as List.indexOf says. */
    static final Trace TRACE = new Trace(List.of(new TraceEvent.PodCreated(0, "BestEffort"), APP_RUNS,
            running(1000, "app"), SIDE_RUNS, APP_STARTED, APP_HOOK, APP_HOOK_DONE, SIDE_KILLED));

    final TraceIndex index = new TraceIndex(TRACE);

    @Nested
    class Reading {
        @Test
        void should_give_the_events_of_a_type_in_trace_order_as_the_trace_streams_them() {
            assertThat(index.all(ContainerStatusChanged.class))
                    .isEqualTo(TRACE.all(ContainerStatusChanged.class).toList());
            assertThat(index.all(TraceEvent.PodRemoved.class)).isEmpty();
            assertThat(index.all(TraceEvent.class)).isEqualTo(TRACE.events());
        }

        @Test
        void should_group_statuses_kubelet_events_and_hooks_by_container() {
            assertThat(index.statuses("app")).containsExactly(APP_RUNS, running(1000, "app"));
            assertThat(index.kubeletEvents("side")).containsExactly(SIDE_KILLED);
            assertThat(index.hooks("app")).containsExactly(APP_HOOK, APP_HOOK_DONE);
            assertThat(index.statuses("nobody")).isEmpty();
        }

        @Test
        void should_place_an_event_where_indexOf_does() {
            for (TraceEvent e : TRACE.events()) {
                assertThat(index.position(e)).as("%s", e).isEqualTo(TRACE.events().indexOf(e));
            }
            assertThat(index.position(running(1000, "app"))).isEqualTo(1);
            assertThat(index.position(new TraceEvent.PodRemoved(9))).isEqualTo(-1);
        }
    }

    @Nested
    class Derived {
        record Key(String container) {}

        @Test
        void should_compute_a_derived_value_once_per_key() {
            AtomicInteger computed = new AtomicInteger();

            index.derived(new Key("app"), computed::incrementAndGet);
            int again = index.derived(new Key("app"), computed::incrementAndGet);
            index.derived(new Key("side"), computed::incrementAndGet);

            assertThat(again).isEqualTo(1);
            assertThat(computed).hasValue(2);
        }

        @Test
        void should_let_a_derivation_ask_for_another() {
            int outer = index.derived(new Key("outer"), () -> index.derived(new Key("inner"), () -> 20) + 1);

            assertThat(outer).isEqualTo(21);
            assertThat(index.<Integer>derived(new Key("inner"), () -> 0)).isEqualTo(20);
        }
    }

    private static ContainerStatusChanged running(long at, String name) {
        return new ContainerStatusChanged(at, new ContainerStatus(name, new ContainerState.Running(at), null, 0, false,
                false));
    }
}
