package dev.podcheck.conformance.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Profile;
import dev.podcheck.engine.ReleaseRule;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Public for its pod fixture, which the command line's test runs too. */
public class VersionDiffTest {
    static VersionDiffResult generated(String from, String to, int trials) {
        return VersionDiff.run(new VersionDiffPlan(Profile.of(from), Profile.of(to), List.of(), trials, 1, Size.DEFAULT,
                Duration.ofMinutes(10), 2, 2000));
    }

    static VersionDiffResult written(String from, String to, String yaml) {
        return VersionDiff.run(new VersionDiffPlan(Profile.of(from), Profile.of(to),
                List.of(new VersionDiffPlan.Written("pod.yaml document 1", ScenarioReader.read("pod.yaml", yaml).get(0))), 0, 0,
                Size.DEFAULT, Duration.ofMinutes(3), 1, 0));
    }

    /** A container ready since its first probe, and a kubelet restart at 30 s. */
    public static final String RESTARTED_WHILE_READY = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                podcheck.dev/scenario: |
                  events:
                  - restartKubelet: {at: 30s}
            spec:
              containers:
              - name: app
                image: busybox:1.36
                readinessProbe: {exec: {command: ["true"]}}
            """;

    @Nested
    class Written {
        @Test
        void should_attribute_a_changed_prediction_to_the_rule_that_changes_it() {
            VersionDiffResult r = written("1.34", "1.36", RESTARTED_WHILE_READY);

            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.changes()).singleElement().satisfies(c -> {
                assertThat(c.rules()).containsExactly(ReleaseRule.KUBELET_RESTART_KEEPS_STATUS);
                assertThat(c.example().origin()).isEqualTo("pod.yaml document 1");
                // 1.34 writes the container not ready at the restart, 1.36 never does
                assertThat(c.example().from().all(TraceEvent.ContainerStatusChanged.class)
                        .filter(e -> e.at() == 30_000).map(e -> e.status().ready())).contains(false);
                assertThat(c.example().to().all(TraceEvent.ContainerStatusChanged.class)
                        .filter(e -> e.at() >= 30_000)).isEmpty();
            });
            assertThat(r.unexercised()).containsExactly(ReleaseRule.EXEC_PROBES_WHILE_TERMINATING);
        }

        @Test
        void should_find_no_change_between_releases_whose_rules_agree() {
            VersionDiffResult r = written("1.35", "1.36", RESTARTED_WHILE_READY);

            assertThat(r.differingRules()).isEmpty();
            assertThat(r.changed()).isZero();
            assertThat(r.exitCode()).isZero();
        }
    }

    @Nested
    class Generated {
        @Test
        void should_find_only_the_rules_that_differ_and_shrink_each_to_a_minimal_pod() {
            // GIVEN 1.34 and 1.35, which differ in KEP-4781 and in exec probes while terminating
            VersionDiffResult r = generated("1.34", "1.35", 1500);

            assertThat(r.changes()).extracting(RuleChange::label)
                    .containsExactly("kubelet-restart-keeps-status", "exec-probes-while-terminating");
            // THEN each is shrunk to one container with the one probe the rule needs
            RuleChange restart = r.changes().get(0);
            List<Container> containers = restart.example().scenario().pod().spec().allContainers().toList();
            assertThat(containers).singleElement().satisfies(c -> assertThat(c.probeKinds().toList()).isNotEmpty());
            RuleChange terminating = r.changes().get(1);
            assertThat(terminating.example().scenario().pod().spec().allContainers().toList()).singleElement()
                    .satisfies(c -> assertThat(c.probe(ProbeKind.readiness).exec()).isNotNull());
            assertThat(r.changed()).isEqualTo(r.changes().stream().mapToInt(RuleChange::scenarios).sum());
        }

        @Test
        void should_find_nothing_between_1_35_and_1_36() {
            VersionDiffResult r = generated("1.35", "1.36", 500);
            assertThat(r.changed()).isZero();
            assertThat(r.changes()).isEmpty();
        }
    }
}
