package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Admit.pod;
import static dev.podcheck.spec.admission.Admit.refusals;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Pod and container securityContext; each verdict is kube-apiserver v1.34.4's for a dry-run create. */
class SecurityContextValidationTest {
    private static final String RANGE = "must be between 0 and 2147483647, inclusive";
    private static final String CONTAINER = "spec.containers[0].securityContext";

    @Nested
    class Pod {
        @Test
        void should_refuse_negative_ids_and_a_profile_for_a_type_other_than_Localhost() {
            String yaml = pod("  securityContext:\n    runAsUser: -1\n    fsGroup: -2\n    supplementalGroups: [1, -3]\n"
                    + "    seccompProfile: {type: RuntimeDefault, localhostProfile: x}\n", "");

            assertThat(refusals(yaml)).containsExactly(
                    "spec.securityContext.fsGroup: Invalid value: -2: " + RANGE,
                    "spec.securityContext.runAsUser: Invalid value: -1: " + RANGE,
                    "spec.securityContext.supplementalGroups[1]: Invalid value: -3: " + RANGE,
                    "spec.securityContext.seccompProfile.localhostProfile: Invalid value: "
                            + "{\"Type\":\"RuntimeDefault\",\"LocalhostProfile\":\"x\"}: can only be set when seccomp type is Localhost");
        }

        @Test
        void should_accept_ids_up_to_the_int32_maximum() {
            assertThat(refusals(pod("  securityContext: {runAsUser: 2147483647, runAsGroup: 0, fsGroup: 1000}\n", ""))).isEmpty();
        }
    }

    @Nested
    class Container {
        @Test
        void should_refuse_what_contradicts_allowPrivilegeEscalation_false_printing_the_whole_context_as_Go_does() {
            String yaml = pod("", "    securityContext:\n      runAsGroup: -1\n      privileged: true\n"
                    + "      allowPrivilegeEscalation: false\n      capabilities: {add: [CAP_SYS_ADMIN, NET_ADMIN]}\n"
                    + "      procMount: Unmasked\n      seccompProfile: {type: Localhost}\n");
            String whole = "{\"Capabilities\":{\"Add\":[\"CAP_SYS_ADMIN\",\"NET_ADMIN\"],\"Drop\":null},\"Privileged\":true,"
                    + "\"SELinuxOptions\":null,\"WindowsOptions\":null,\"RunAsUser\":null,\"RunAsGroup\":-1,\"RunAsNonRoot\":null,"
                    + "\"ReadOnlyRootFilesystem\":null,\"AllowPrivilegeEscalation\":false,\"ProcMount\":\"Unmasked\","
                    + "\"SeccompProfile\":{\"Type\":\"Localhost\",\"LocalhostProfile\":null},\"AppArmorProfile\":null}";

            assertThat(refusals(yaml)).containsExactly(
                    CONTAINER + ".privileged: Forbidden: disallowed by cluster policy",
                    CONTAINER + ".runAsGroup: Invalid value: -1: " + RANGE,
                    CONTAINER + ".procMount: Invalid value: \"Unmasked\": `hostUsers` must be false to use `Unmasked`",
                    CONTAINER + ".seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost",
                    CONTAINER + ": Invalid value: " + whole + ": cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
                    CONTAINER + ": Invalid value: " + whole
                            + ": cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
        }

        @Test
        void should_refuse_an_unknown_procMount_and_a_profile_path_that_climbs() {
            String yaml = pod("", "    securityContext:\n      procMount: Weird\n"
                    + "      seccompProfile: {type: Localhost, localhostProfile: \"../x\"}\n");

            assertThat(refusals(yaml)).containsExactly(
                    CONTAINER + ".procMount: Unsupported value: \"Weird\": supported values: \"Default\", \"Unmasked\"",
                    CONTAINER + ".seccompProfile.localhostProfile: Invalid value: \"../x\": must not contain '..'");
        }

        @Test
        void should_keep_capabilities_as_written_and_accept_a_Localhost_profile() {
            String yaml = pod("", "    securityContext:\n      capabilities: {add: [NET_ADMIN, SYS_ADMIN], drop: [ALL]}\n"
                    + "      allowPrivilegeEscalation: false\n      seccompProfile: {type: Localhost, localhostProfile: p.json}\n");

            assertThat(refusals(yaml)).isEmpty();
        }
    }
}
