package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The kind gate (.github/workflows/podcheck-kind.yml) runs the cluster the engine's default profile
 * models, pinned so that it cannot move under the gate, with the permissions its reporter needs.
 */
class KindWorkflowTest {
    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "podcheck-kind.yml");

    private static JsonNode workflow() throws IOException {
        return YAMLMapper.builder().build().readTree(Files.readString(WORKFLOW));
    }

    @Test
    void should_pin_kind_and_its_node_image_by_digest_to_the_engines_default_release() throws IOException {
        JsonNode env = workflow().path("env");

        assertThat(env.path("KIND_VERSION").asString()).matches("v\\d+\\.\\d+\\.\\d+");
        assertThat(env.path("KIND_NODE_IMAGE").asString())
                .matches("kindest/node:v" + Profile.DEFAULT.version().replace(".", "\\.") + "\\.\\d+@sha256:[0-9a-f]{64}");
        JsonNode kind = steps().stream().filter(s -> s.path("uses").asString().startsWith("helm/kind-action@")).findFirst()
                .orElseThrow();
        assertThat(kind.path("with").path("version").asString()).isEqualTo("${{ env.KIND_VERSION }}");
        assertThat(kind.path("with").path("node_image").asString()).isEqualTo("${{ env.KIND_NODE_IMAGE }}");
    }

    @Test
    void should_declare_only_the_permissions_it_needs_checks_write_for_the_junit_report() throws IOException {
        JsonNode permissions = workflow().path("permissions");

        assertThat(permissions.path("contents").asString()).isEqualTo("read");
        assertThat(permissions.path("checks").asString()).isEqualTo("write");
        assertThat(permissions.size()).isEqualTo(2);
    }

    @Test
    void should_use_released_versions_of_every_action_never_a_branch() throws IOException {
        List<String> actions = steps().stream().map(s -> s.path("uses").asString()).filter(u -> !u.isEmpty()).toList();

        assertThat(actions).isNotEmpty().allMatch(u -> u.matches("[\\w.-]+/[\\w.-]+@v\\d+(\\.\\d+){0,2}"), "pinned to a release");
    }

    @Test
    void should_let_the_engine_play_the_release_the_cluster_reports() throws IOException {
        assertThat(steps().stream().map(s -> s.path("run").asString()).filter(r -> r.startsWith("./podcheck run")))
                .singleElement().asString().contains("--target kubernetes").contains("--kubernetes-version auto");
    }

    private static List<JsonNode> steps() throws IOException {
        List<JsonNode> steps = new ArrayList<>();
        workflow().path("jobs").path("kind").path("steps").forEach(steps::add);
        return steps;
    }
}
