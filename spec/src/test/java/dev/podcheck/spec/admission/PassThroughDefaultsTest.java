package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Admit.pod;
import static dev.podcheck.spec.admission.Admit.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** defaults.go on the fields podcheck keeps as read: what kube-apiserver v1.34.4 stored for the same manifests. */
class PassThroughDefaultsTest {

    @Test
    void should_default_dnsPolicy_schedulerName_securityContext_and_enableServiceLinks() {
        Pod pod = stored(pod("", ""));

        assertThat(pod.spec().extra()).containsEntry("dnsPolicy", "ClusterFirst")
                .containsEntry("schedulerName", "default-scheduler")
                .containsEntry("securityContext", Map.of())
                .containsEntry("enableServiceLinks", true);
    }

    @Test
    void should_keep_what_is_written_and_default_an_empty_dnsPolicy() {
        Pod pod = stored(pod("  dnsPolicy: \"\"\n  schedulerName: mine\n  enableServiceLinks: false\n"
                + "  securityContext: {runAsNonRoot: true}\n", ""));

        assertThat(pod.spec().extra()).containsEntry("dnsPolicy", "ClusterFirst")
                .containsEntry("schedulerName", "mine")
                .containsEntry("securityContext", Map.of("runAsNonRoot", true))
                .containsEntry("enableServiceLinks", false);
    }

    @Test
    void should_default_the_protocol_and_under_hostNetwork_the_hostPort() {
        Pod pod = stored(pod("  hostNetwork: true\n", "    ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]\n"));

        assertThat(pod.spec().containers().get(0).extra().get("ports")).isEqualTo(List.of(
                Map.of("containerPort", 80, "protocol", "TCP", "hostPort", 80),
                Map.of("containerPort", 53, "protocol", "UDP", "hostPort", 53)));
    }

    @Test
    void should_default_the_volume_sources_modes_hostPath_type_and_fieldRef_apiVersion() {
        Pod pod = stored(pod("  volumes:\n  - {name: c, configMap: {name: x}}\n  - {name: s, secret: {secretName: x}}\n"
                + "  - {name: d, downwardAPI: {items: [{path: a, fieldRef: {fieldPath: metadata.name}}]}}\n"
                + "  - {name: p, projected: {sources: [{serviceAccountToken: {path: token}}]}}\n"
                + "  - {name: h, hostPath: {path: /tmp}}\n  - {name: e}\n", ""));

        assertThat(pod.spec().extra().get("volumes")).isEqualTo(List.of(
                Map.of("name", "c", "configMap", Map.of("name", "x", "defaultMode", 420)),
                Map.of("name", "s", "secret", Map.of("secretName", "x", "defaultMode", 420)),
                Map.of("name", "d", "downwardAPI", Map.of("defaultMode", 420, "items", List.of(
                        Map.of("path", "a", "fieldRef", Map.of("fieldPath", "metadata.name", "apiVersion", "v1"))))),
                Map.of("name", "p", "projected", Map.of("defaultMode", 420, "sources", List.of(
                        Map.of("serviceAccountToken", Map.of("path", "token", "expirationSeconds", 3600L))))),
                Map.of("name", "h", "hostPath", Map.of("path", "/tmp", "type", "")),
                Map.of("name", "e", "emptyDir", Map.of())));
    }

    @Test
    void should_be_idempotent() {
        Pod once = stored(pod("  hostNetwork: true\n  volumes: [{name: c, configMap: {name: x}}]\n", "    ports: [{containerPort: 80}]\n"));

        assertThat(Defaulting.apply(once)).isEqualTo(once);
    }
}
