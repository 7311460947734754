package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node scenario in files (SEMANTICS NP-1): the first pod names its neighbours, the documents after it. */
class NodeDocumentsTest {
    private static final String NODE = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: first
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [second]
                  events:
                  - nodeMemoryPressure: {at: 5s, allocatable: 1Gi}
            spec:
              containers: [{name: app, image: busybox}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: second
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {memory: [{from: 0s, bytes: 900Mi}]}
            spec:
              priority: 10
              containers: [{name: app, image: busybox}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: alone}
            spec:
              containers: [{name: app, image: busybox}]
            """;

    @Test
    void should_fold_the_named_documents_into_the_first_pods_scenario() {
        List<Scenario> read = ScenarioReader.read("node.yaml", NODE);

        assertThat(read).hasSize(2);
        Scenario node = read.get(0);
        assertThat(node.neighbours()).extracting(n -> n.pod().metadata().name()).containsExactly("second");
        assertThat(node.neighbours().get(0).behaviours()).containsKey("app");
        assertThat(node.events()).singleElement().isInstanceOf(NodeMemoryPressure.class);
        assertThat(read.get(1).isNodeScenario()).isFalse();
    }

    @Test
    void should_write_a_node_scenario_back_as_the_same_documents() {
        Scenario node = ScenarioReader.read("node.yaml", NODE).get(0);

        String written = ScenarioWriter.toYaml(node);

        assertThat(written).contains("neighbours:").contains("---\n");
        assertThat(ScenarioReader.readOne("written", written)).isEqualTo(node);
    }

    @Test
    void should_say_which_neighbour_is_missing() {
        String text = NODE.substring(0, NODE.indexOf("---"));

        assertThatThrownBy(() -> ScenarioReader.read("node.yaml", text)).isInstanceOf(InputException.class)
                .hasMessage("node.yaml:1: neighbours names pod \"second\", but no document follows");
    }

    @Test
    void should_say_when_the_next_document_is_another_pod() {
        String text = NODE.replace("neighbours: [second]", "neighbours: [third]");

        assertThatThrownBy(() -> ScenarioReader.read("node.yaml", text)).isInstanceOf(InputException.class)
                .hasMessage("node.yaml:13: neighbours names pod \"third\", but the next document is pod \"second\"");
    }

    @Test
    void should_refuse_world_events_on_a_neighbour() {
        String text = NODE.replace("      containers:\n        app: {memory", "      events: [{restartKubelet: {at: 1s}}]\n"
                + "      containers:\n        app: {memory");

        assertThatThrownBy(() -> ScenarioReader.read("node.yaml", text)).isInstanceOf(InputException.class)
                .hasMessageContaining("pod \"second\" is a neighbour: its annotation holds its containers' behaviours"
                        + " only; the node's world events are the first pod's");
    }
}
