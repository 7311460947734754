package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Profile;
import io.fabric8.kubernetes.client.VersionInfo;
import org.junit.jupiter.api.Test;

class ServerReleaseTest {
    static VersionInfo server(String major, String minor, String gitVersion) {
        return new VersionInfo.Builder().withMajor(major).withMinor(minor).withGitVersion(gitVersion).build();
    }

    @Test
    void should_say_nothing_when_the_cluster_runs_the_release_of_the_run() {
        assertThat(ServerRelease.mismatch(server("1", "34", "v1.34.4"), Profile.of("1.34"))).isEmpty();
        // managed clusters write the minor as "34+"
        assertThat(ServerRelease.mismatch(server("1", "34+", "v1.34.4-gke.1"), Profile.of("1.34"))).isEmpty();
    }

    @Test
    void should_warn_and_name_the_profile_of_the_cluster_release_when_it_differs() {
        assertThat(ServerRelease.mismatch(server("1", "36", "v1.36.3"), Profile.of("1.34"))).contains(
                "warning: the cluster runs Kubernetes v1.36.3, but this run holds it to the rules of 1.34"
                        + " (--profile 1.36 holds it to its own): a difference from the reference may be the release's");
    }

    @Test
    void should_warn_without_a_profile_to_suggest_for_a_release_it_cannot_read() {
        assertThat(ServerRelease.mismatch(server("2", "0", null), Profile.of("1.34"))).contains(
                "warning: the cluster runs Kubernetes 2.0, but this run holds it to the rules of 1.34"
                        + ": a difference from the reference may be the release's");
    }
}
