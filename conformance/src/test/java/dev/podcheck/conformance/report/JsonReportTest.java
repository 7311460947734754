package dev.podcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReportTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void should_write_the_run_and_every_invariant() {
        // GIVEN a run by hand, WHEN written as JSON and parsed back
        JsonNode root = JSON.readTree(JsonReport.toJson(HandRun.result()));

        // THEN the run's fields, with seeds as strings, and one entry per invariant in order
        assertThat(root.get("format").asString()).isEqualTo("podcheck-report/v1");
        assertThat(root.get("target").asString()).isEqualTo("engine");
        assertThat(root.get("seed").asString()).isEqualTo("42");
        assertThat(root.get("shard").asString()).isEqualTo("2/4");
        assertThat(root.get("trialsRun").asInt()).isEqualTo(100);
        assertThat(root.get("exitCode").asInt()).isEqualTo(1);
        assertThat(root.get("outcomes").get("VIOLATED").asInt()).isEqualTo(1);
        assertThat(root.get("invariants")).extracting(i -> i.get("id").asString() + " " + i.get("outcome").asString())
                .containsExactly("termination/grace VIOLATED", "init/order HOLDS", "probe/liveness-restarts UNKNOWN");
        assertThat(root.get("invariants").get(1).get("counterexample").isNull()).isTrue();
    }

    @Test
    void should_embed_the_scenario_as_yaml_and_the_trace_as_an_object() {
        JsonNode c = JSON.readTree(JsonReport.toJson(HandRun.result())).get("invariants").get(0).get("counterexample");

        assertThat(c.get("message").asString()).isEqualTo(HandRun.MESSAGE);
        assertThat(c.get("origin").asString()).isEqualTo("seed 42 trial 17");
        assertThat(c.get("trialSeed").asString()).isEqualTo(Long.toString(0x9E3779B97F4A7C15L));
        assertThat(c.get("replay").asString()).isEqualTo("podcheck run --seed 42 --trials 18");
        assertThat(c.get("scenario").asString()).startsWith("apiVersion: v1\nkind: Pod\n").contains("name: side");
        assertThat(c.get("trace").isObject()).isTrue();
        assertThat(c.get("trace").get("events")).hasSize(HandRun.richTrace().events().size());
        assertThat(c.get("trace").get("events").get(0).get("type").asString()).isEqualTo("PodCreated");
        assertThat(c.get("witness")).extracting(w -> w.get("type").asString() + "@" + w.get("at").asLong())
                .containsExactly("SignalSent@70000", "ContainerStatusChanged@70000");
    }
}
