package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.engine.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The release the engine plays against a cluster, read from the Fabric8 mock API server's GET /version. */
class ServerVersionTest {
    private final MockCluster cluster = new MockCluster();
    private final List<String> told = new ArrayList<>();

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void serves(String major, String minor) {
        cluster.version(200, """
                {"major": "%s", "minor": "%s", "gitVersion": "v%s.%s.2", "buildDate": "2026-08-27T10:00:00Z"}
                """.formatted(major, minor, major, minor.replace("+", "")));
    }

    private Profile played(String asked) throws TargetException {
        return ServerVersion.profile(cluster.client(), asked, told::add);
    }

    @Nested
    class Told {
        @Test
        void should_play_the_default_profile_and_say_the_cluster_runs_another_release() throws TargetException {
            serves("1", "35");

            assertThat(played(null)).isEqualTo(Profile.DEFAULT);
            assertThat(told).containsExactly("the cluster runs Kubernetes 1.35, the reference engine plays 1.34:"
                    + " differences may be the releases' (--kubernetes-version auto plays the cluster's)");
        }

        @Test
        void should_say_nothing_when_the_cluster_runs_the_release_played() throws TargetException {
            serves("1", "34");

            assertThat(played(null).version()).isEqualTo("1.34");
            assertThat(played("1.34").version()).isEqualTo("1.34");
            assertThat(told).isEmpty();
        }

        @Test
        void should_play_the_release_asked_for_even_when_the_cluster_runs_another() throws TargetException {
            serves("1", "34");

            assertThat(played("1.33").version()).isEqualTo("1.33");
            assertThat(told).singleElement().asString().startsWith("the cluster runs Kubernetes 1.34, the reference engine plays 1.33");
        }

        @Test
        void should_warn_when_the_cluster_does_not_say_its_version() throws TargetException {
            cluster.version(404, "");

            assertThat(played(null)).isEqualTo(Profile.DEFAULT);
            assertThat(told).containsExactly("the cluster does not say its Kubernetes version (GET /version); the reference"
                    + " engine plays 1.34");
        }
    }

    @Nested
    class Auto {
        @Test
        void should_play_the_release_the_cluster_reports() throws TargetException {
            serves("1", "35");

            assertThat(played("auto").version()).isEqualTo("1.35");
            assertThat(told).isEmpty();
        }

        @Test
        void should_read_a_managed_clusters_minor_version_with_a_plus() throws TargetException {
            serves("1", "33+");

            assertThat(played("auto").version()).isEqualTo("1.33");
        }

        @Test
        void should_refuse_a_release_the_engine_does_not_model_naming_those_it_does() {
            serves("1", "31");

            assertThatThrownBy(() -> played("auto")).isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("--kubernetes-version auto: the cluster runs Kubernetes 1.31, and Kubernetes 1.31"
                            + " is not modelled; podcheck models 1.33 to");
        }

        @Test
        void should_refuse_when_the_cluster_does_not_say_its_version() {
            cluster.version(404, "");

            assertThatThrownBy(() -> played("auto")).isInstanceOf(TargetException.class)
                    .hasMessage("--kubernetes-version auto: the cluster does not say its version (GET /version); name the"
                            + " release, e.g. --kubernetes-version 1.34");
        }
    }

    @Test
    void should_hold_an_audit_to_the_clusters_release_when_modelled_else_to_the_default_and_say_so() {
        serves("1", "36+");
        assertThat(ServerVersion.audited(cluster.client(), told::add).version()).isEqualTo("1.36");
        assertThat(told).isEmpty();

        serves("1", "40");
        assertThat(ServerVersion.audited(cluster.client(), told::add)).isEqualTo(Profile.DEFAULT);
        assertThat(told).containsExactly("the cluster runs Kubernetes 1.40, which podcheck does not model; the pods are held"
                + " to 1.34's rules");
    }

    @Test
    void should_check_the_option_before_anything_connects() {
        assertThat(ServerVersion.checked("auto")).isEqualTo("auto");
        assertThat(ServerVersion.checked("1.36")).isEqualTo("1.36");
        assertThat(ServerVersion.checked("v1.36.3")).isEqualTo("v1.36.3");
        assertThatThrownBy(() -> ServerVersion.checked("1.20")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kubernetes 1.20 is not modelled");
        assertThatThrownBy(() -> ServerVersion.checked("latest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a Kubernetes version like 1.34");
    }
}
