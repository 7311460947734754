package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Fixtures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.GRPCAction;
import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.SleepAction;
import dev.podcheck.spec.pod.TCPSocketAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lifecycle hooks: V-12 for hooks, V-13 sleep bounds. */
class HookValidationTest {
    private static final String PRE_STOP = "spec.containers[0].lifecycle.preStop";

    private static Pod withPreStop(LifecycleHandler hook, long gracePeriod) {
        Pod pod = Fixtures.withApp(c -> c.withLifecycle(new Lifecycle(null, hook)));
        return pod.withSpec(pod.spec().withTerminationGracePeriodSeconds(gracePeriod));
    }

    @Nested
    class Handlers {
        @Test
        void should_require_a_handler_on_each_hook() {
            LifecycleHandler none = new LifecycleHandler(null, null, null, null);
            Pod pod = Fixtures.withApp(c -> c.withLifecycle(new Lifecycle(none, none)));
            assertThat(messagesOf(pod)).containsExactly(
                    "spec.containers[0].lifecycle.postStart: Required value: must specify a handler type",
                    PRE_STOP + ": Required value: must specify a handler type");
        }

        @Test
        void should_forbid_a_second_handler() {
            LifecycleHandler two = new LifecycleHandler(Fixtures.exec("true"), null, null, new SleepAction(5L));
            assertThat(messagesOf(withPreStop(two, 30))).containsExactly(
                    PRE_STOP + ".sleep: Forbidden: may not specify more than 1 handler type");
        }

        @Test
        void should_validate_the_first_handler_and_forbid_the_rest() {
            LifecycleHandler two = new LifecycleHandler(null, null,
                    new TCPSocketAction(IntOrString.of(0), null), new SleepAction(5L));
            assertThat(messagesOf(withPreStop(two, 30))).containsExactly(
                    PRE_STOP + ".tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive",
                    PRE_STOP + ".sleep: Forbidden: may not specify more than 1 handler type");
        }

        @Test
        void should_require_an_exec_command_in_a_hook() {
            assertThat(messagesOf(withPreStop(LifecycleHandler.exec(List.of()), 30)))
                    .containsExactly(PRE_STOP + ".exec.command: Required value");
        }

        @Test
        void should_validate_hook_httpGet_port_and_scheme() {
            LifecycleHandler http = new LifecycleHandler(null,
                    new HTTPGetAction("/", new IntOrString(null, "Web"), null, "http", Map.of()), null, null);
            assertThat(messagesOf(withPreStop(http, 30))).containsExactly(
                    PRE_STOP + ".httpGet.port: Invalid value: \"Web\": "
                            + "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                    PRE_STOP + ".httpGet.scheme: Unsupported value: \"http\": supported values: \"HTTP\", \"HTTPS\"");
        }

        @Test
        void should_accept_the_hook_handler_kinds() {
            List<LifecycleHandler> hooks = List.of(
                    LifecycleHandler.exec(List.of("sh", "-c", "true")),
                    new LifecycleHandler(null, HTTPGetAction.of("/stop", 8080), null, null),
                    new LifecycleHandler(null, null, new TCPSocketAction(IntOrString.of(8080), null), null),
                    LifecycleHandler.sleep(30));
            hooks.forEach(hook -> assertThat(messagesOf(withPreStop(hook, 30))).as(hook.toString()).isEmpty());
        }

        @Test
        void should_keep_grpc_a_probe_only_handler() {
            // The model cannot even express a gRPC hook: LifecycleHandler has no grpc field.
            assertThat(LifecycleHandler.class.getRecordComponents())
                    .noneMatch(c -> c.getType().equals(GRPCAction.class));
        }
    }

    @Nested
    class Sleep {
        @ParameterizedTest
        @ValueSource(longs = {0, 1, 15, 30})
        void should_accept_sleep_from_0_up_to_the_grace_period(long seconds) {
            // kube-apiserver v1.34.4 accepted preStop sleep 0 (PodLifecycleSleepActionAllowZero is GA there)
            assertThat(messagesOf(withPreStop(LifecycleHandler.sleep(seconds), 30))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(longs = {-1, 31})
        void should_refuse_sleep_outside_0_to_the_grace_period(long seconds) {
            // kube-apiserver v1.34.4's words for 60 and -1 with a grace of 30, seen in dry-run creates
            assertThat(messagesOf(withPreStop(LifecycleHandler.sleep(seconds), 30))).containsExactly(
                    PRE_STOP + ".sleep: Invalid value: " + seconds
                            + ": must be non-negative and less than terminationGracePeriodSeconds (30)");
        }

        @Test
        void should_bound_sleep_by_the_pods_own_grace_period() {
            assertThat(messagesOf(withPreStop(LifecycleHandler.sleep(10), 5))).containsExactly(
                    PRE_STOP + ".sleep: Invalid value: 10: "
                            + "must be non-negative and less than terminationGracePeriodSeconds (5)");
        }

        @Test
        void should_check_postStart_sleep_too() {
            Pod pod = Fixtures.withApp(c -> c.withLifecycle(new Lifecycle(LifecycleHandler.sleep(31), null)));
            assertThat(messagesOf(pod)).containsExactly(
                    "spec.containers[0].lifecycle.postStart.sleep: Invalid value: 31: "
                            + "must be non-negative and less than terminationGracePeriodSeconds (30)");
        }
    }
}
