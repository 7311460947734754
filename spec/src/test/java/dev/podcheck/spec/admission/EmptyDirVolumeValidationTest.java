package dev.podcheck.spec.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An emptyDir's sizeLimit as the apiserver checks it, and the scenario's writes to emptyDir volumes (SEMANTICS LS-5):
 * only to an emptyDir on disk that the writing container mounts.
 */
class EmptyDirVolumeValidationTest {
    private static final String AT = "metadata.annotations[podcheck.dev/scenario].containers.app[0].volumes.";

    private static String pod(String volume, String writes) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    podcheck.dev/scenario: |\n"
                + "      containers:\n        app: {volumes: {" + writes + ": [{from: 1s, bytes: 10Mi}]}}\n"
                + "spec:\n  volumes:\n  - {name: cache, emptyDir: " + volume + "}\n  - {name: cfg, configMap: {name: c}}\n"
                + "  containers:\n  - name: app\n    image: busybox:1.36\n"
                + "    volumeMounts: [{name: cache, mountPath: /cache}, {name: cfg, mountPath: /cfg}]\n";
    }

    @Test
    void should_accept_writes_to_a_mounted_emptyDir_on_disk() {
        assertThat(Admit.refusals(pod("{sizeLimit: 100Mi}", "cache"))).isEmpty();
    }

    @Test
    void should_refuse_writes_to_a_volume_that_is_no_emptyDir_or_not_mounted() {
        assertThat(Admit.refusals(pod("{}", "cfg"))).containsExactly(AT + "cfg: Invalid value: \"cfg\": "
                + "container \"app\" mounts no emptyDir volume of this name");
        assertThat(Admit.refusals(pod("{}", "other"))).containsExactly(AT + "other: Invalid value: \"other\": "
                + "container \"app\" mounts no emptyDir volume of this name");
    }

    @Test
    void should_refuse_writes_to_a_Memory_emptyDir_as_they_are_memory() {
        assertThat(Admit.refusals(pod("{medium: Memory, sizeLimit: 100Mi}", "cache"))).containsExactly(AT
                + "cache: Invalid value: \"cache\": a Memory emptyDir is a tmpfs whose use is the container's memory: "
                + "write it as memory steps");
    }

    @Test
    void should_refuse_a_negative_or_unparsable_sizeLimit() {
        assertThat(Admit.refusals(pod("{sizeLimit: -1Mi}", "cache"))).containsExactly(
                "spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity",
                "spec.containers[0].volumeMounts[0].name: Not found: \"cache\"");
        assertThat(Admit.refusals(pod("{sizeLimit: lots}", "cache")).get(0)).isEqualTo(
                "spec.volumes[0].emptyDir.sizeLimit: Invalid value: \"lots\": quantities must match the regular "
                        + "expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got \"lots\"");
    }
}
