package dev.podcheck.adapters.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import org.junit.jupiter.api.Test;

class UnsupportedFeaturesTest {
    static Scenario scenario(String yaml) {
        return Defaulting.apply(ScenarioReader.readOne("test", yaml));
    }

    @Test
    void should_refuse_finalizers_gate_patches_and_termination_messages_naming_each() {
        // GIVEN a pod with a finalizer, a gate patch and a termination message
        Scenario s = scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  finalizers: [example.com/test-finalizer]
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {exit: {code: 1}, terminationMessage: DONE}
                      events:
                      - patchCondition: {at: 5s, type: example.com/lb, status: "True"}
                      - removeFinalizers: {at: 9s}
                      - updatePod: {at: 9s, activeDeadlineSeconds: 60}
                      - restartKubelet: {at: 10s}
                      - loseSandbox: {at: 11s}
                spec:
                  readinessGates: [{conditionType: example.com/lb}]
                  containers: [{name: app, image: busybox}]
                """);

        // THEN the target says what it cannot do instead of running the pod without it
        assertThatThrownBy(() -> UnsupportedFeatures.refuse(s, "kubernetes")).isInstanceOf(TargetException.class)
                .hasMessage("the kubernetes target cannot run this scenario yet: it does not support "
                        + "metadata.finalizers (nothing would remove them from the real pod); "
                        + "the removeFinalizers event (a patch of metadata.finalizers); "
                        + "the patchCondition event (a status patch of a readiness gate's condition); "
                        + "the updatePod event (an update of the pod's spec); "
                        + "the restartKubelet event (a restart of the node's kubelet, under every trial on the node); "
                        + "the loseSandbox event (stopping the pod's sandbox through the node's runtime); "
                        + "behaviours' terminationMessage and log (the rendered scripts report through the termination log"
                        + " and stdout)");
    }

    @Test
    void should_refuse_the_nodes_images() {
        Scenario s = scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      images:
                        busybox: {failedPulls: 2}
                spec:
                  containers: [{name: app, image: busybox}]
                """);

        assertThat(UnsupportedFeatures.of(s)).containsExactly(
                "the scenario's images (pull times and failures: no registry stages them for the rendered pod)");
    }

    @Test
    void should_refuse_disk_use() {
        Scenario s = scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {disk: [{from: 5s, bytes: 101Mi}]}
                spec:
                  containers:
                  - {name: app, image: busybox, resources: {limits: {ephemeral-storage: 100Mi}}}
                """);

        assertThat(UnsupportedFeatures.of(s)).containsExactly(
                "behaviours' disk (the rendered scripts write nothing to their writable layer)");
    }

    @Test
    void should_refuse_writes_to_emptyDir_volumes() {
        Scenario s = scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {volumes: {cache: [{from: 5s, bytes: 101Mi}]}}
                spec:
                  volumes: [{name: cache, emptyDir: {sizeLimit: 100Mi}}]
                  containers:
                  - {name: app, image: busybox, volumeMounts: [{name: cache, mountPath: /cache}]}
                """);

        assertThat(UnsupportedFeatures.of(s)).containsExactly(
                "behaviours' volumes (the rendered scripts write nothing to emptyDir volumes)");
    }

    @Test
    void should_refuse_tasks_and_a_PID_condition() {
        Scenario s = scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {processes: [{from: 5s, count: 3000}]}
                      events:
                      - nodePidPressure: {at: 0s, maxPids: 3500, evictionThreshold: 1000}
                spec:
                  containers: [{name: app, image: busybox}]
                """);

        assertThat(UnsupportedFeatures.of(s)).containsExactly(
                "behaviours' processes (the rendered scripts start no extra tasks)",
                "the nodePidPressure event (a PID limit and eviction threshold on the node, under every trial on it)");
    }

    @Test
    void should_refuse_a_filesystem_condition() {
        Scenario s = scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      events:
                      - nodeDiskPressure: {at: 0s, capacity: 100Gi, available: 20Gi}
                spec:
                  containers: [{name: app, image: busybox}]
                """);

        assertThat(UnsupportedFeatures.of(s)).containsExactly("the nodeDiskPressure event (a filesystem size and "
                + "eviction threshold on the node, under every trial on it)");
    }

    @Test
    void should_refuse_a_node_scenario() {
        // GIVEN a pod that shares its node with another (SEMANTICS NP-1)
        Scenario s = scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      neighbours: [q]
                spec:
                  containers: [{name: app, image: busybox}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: q}
                spec:
                  containers: [{name: app, image: busybox}]
                """);

        assertThat(UnsupportedFeatures.of(s)).containsExactly("neighbours (a node scenario: its pods would share a node"
                + " with every other trial's, under a memory condition podcheck cannot put on a real node)");
    }

    @Test
    void should_accept_readiness_gates_nobody_patches() {
        Scenario s = scenario("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {readinessGates: "
                + "[{conditionType: example.com/lb}], containers: [{name: app, image: busybox}]}}");

        assertThat(UnsupportedFeatures.of(s)).isEmpty();
    }
}
