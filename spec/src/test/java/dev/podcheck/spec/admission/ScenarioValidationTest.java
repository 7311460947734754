package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.HookBehaviour;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** podcheck's own checks of the scenario annotation. */
class ScenarioValidationTest {
    private static final String AT = "metadata.annotations[podcheck.dev/scenario]";
    private static final HookBehaviour SLOW = new HookBehaviour(Duration.ofSeconds(5), false);

    private static ContainerBehaviour slowPreStop() {
        return ContainerBehaviour.of(new InstanceBehaviour(null, null, null, null, null, null, null, null, null, SLOW));
    }

    @Test
    void should_accept_behaviours_for_init_and_regular_containers() {
        Pod pod = Fixtures.withInit(c -> c);
        Scenario scenario = new Scenario(pod,
                Map.of("app", ContainerBehaviour.DEFAULT, "init", ContainerBehaviour.DEFAULT), List.of());
        assertThat(Validation.validate(scenario)).isEmpty();
    }

    @Test
    void should_report_a_behaviour_for_a_container_the_pod_does_not_have() {
        Scenario scenario = new Scenario(Fixtures.valid(), Map.of("foo", ContainerBehaviour.DEFAULT), List.of());
        assertThat(messages(Validation.validate(scenario)))
                .containsExactly(AT + ".containers.foo: Not found: \"foo\"");
    }

    @Test
    void should_report_a_node_image_no_container_runs() {
        String image = Fixtures.valid().spec().containers().get(0).image();
        Scenario scenario = Scenario.of(Fixtures.valid())
                .withImages(Map.of(image, NodeImage.PRESENT, "redis:7", NodeImage.pulls(Duration.ofSeconds(3), 1)));
        assertThat(messages(Validation.validate(scenario)))
                .containsExactly(AT + ".images[redis:7]: Not found: \"redis:7\"");
    }

    @Test
    void should_report_a_hook_behaviour_for_a_hook_the_spec_lacks() {
        ContainerBehaviour behaviour = ContainerBehaviour.of(
                InstanceBehaviour.DEFAULT.withTimes(2),
                new InstanceBehaviour(null, null, null, null, null, null, null, null,
                        new HookBehaviour(Duration.ZERO, true), null));
        Scenario scenario = new Scenario(Fixtures.valid(), Map.of("app", behaviour), List.of());
        assertThat(messages(Validation.validate(scenario))).containsExactly(
                AT + ".containers.app[1].postStart: Invalid value: {takes: 0s, fails: true}: "
                        + "container \"app\" has no lifecycle.postStart hook");
    }

    @Test
    void should_accept_a_hook_behaviour_when_the_spec_has_the_hook() {
        Pod pod = Fixtures.withApp(c -> c.withLifecycle(new Lifecycle(null, LifecycleHandler.sleep(3))));
        assertThat(Validation.validate(new Scenario(pod, Map.of("app", slowPreStop()), List.of()))).isEmpty();
    }

    @Test
    void should_report_a_preStop_behaviour_when_only_postStart_is_set() {
        Pod pod = Fixtures.withApp(c -> c.withLifecycle(new Lifecycle(LifecycleHandler.sleep(3), null)));
        assertThat(messages(Validation.validate(new Scenario(pod, Map.of("app", slowPreStop()), List.of()))))
                .containsExactly(AT + ".containers.app[0].preStop: Invalid value: {takes: 5s, fails: false}: "
                        + "container \"app\" has no lifecycle.preStop hook");
    }

    @Test
    void should_accept_a_negative_delete_grace_period_and_events_in_any_order() {
        Scenario scenario = new Scenario(Fixtures.valid(), Map.of(), List.of(
                DeletePod.at(Duration.ofSeconds(60), -1L),
                new NodeMemoryPressure(Duration.ofSeconds(10), Quantity.parse("1Gi"), null)));
        assertThat(Validation.validate(scenario)).isEmpty();
    }

    @Test
    void should_report_pod_violations_before_scenario_violations() {
        Pod pod = Fixtures.withSpec(s -> s.withRestartPolicy("Sometimes"));
        Scenario scenario = new Scenario(pod, Map.of("ghost", ContainerBehaviour.DEFAULT), List.of());
        assertThat(messages(Validation.validate(scenario))).containsExactly(
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                        + "\"Always\", \"OnFailure\", \"Never\"",
                AT + ".containers.ghost: Not found: \"ghost\"");
    }
}
