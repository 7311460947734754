package dev.podcheck.spec.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.yaml.Manifest;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.StrictDecodingError;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mistakes issue 14 lists (and a few more), each with the apiserver's verdict and words for a
 * {@code kubectl apply} of it (strict field validation): taken from upstream's messages in
 * pkg/apis/core/validation/validation.go, apimachinery's validation and field packages,
 * pkg/api/pod/warnings.go and strategy.go, and test/integration/apiserver/field_validation_test.go.
 * The same table is what a comparison with a real apiserver should start from (docs/admission.md).
 */
class ApiserverVerdictTableTest {
    private static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
            + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
            + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private static final String LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  "
            + "or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private static String pod(String metadata, String container, String spec) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n" + metadata + "spec:\n" + spec
                + "  containers:\n  - name: app\n    image: busybox:1.36\n" + container;
    }

    private static String pod(String container) {
        return pod("  name: web\n", container, "");
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // name, manifest, refused?, the apiserver's lines (errors or warnings)
                Arguments.of("misspelled livenessProbe", pod("    livenesProbe: {exec: {command: [\"true\"]}}\n"), true,
                        List.of("strict decoding error: unknown field \"spec.containers[0].livenesProbe\"")),
                Arguments.of("misspelled imagePullPolicy", pod("    imagePullPolice: Always\n"), true,
                        List.of("strict decoding error: unknown field \"spec.containers[0].imagePullPolice\"")),
                Arguments.of("readinessProbe indented at spec level",
                        pod("  name: web\n", "", "  readinessProbe: {exec: {command: [\"true\"]}}\n"), true,
                        List.of("strict decoding error: unknown field \"spec.readinessProbe\"")),
                Arguments.of("repeated field", pod("    image: busybox:1.37\n"), true,
                        List.of("strict decoding error: duplicate field \"spec.containers[0].image\"")),
                Arguments.of("no metadata.name", pod("  labels: {app: web}\n", "", ""), true,
                        List.of("metadata.name: Required value: name or generateName is required")),
                Arguments.of("generateName only", pod("  generateName: web-\n", "", ""), false, List.of()),
                Arguments.of("invalid metadata.name", pod("  name: Web_1\n", "", ""), true,
                        List.of("metadata.name: Invalid value: \"Web_1\": " + SUBDOMAIN)),
                Arguments.of("bad label value", pod("  name: web\n  labels: {app: -web}\n", "", ""), true,
                        List.of("metadata.labels: Invalid value: \"-web\": " + LABEL_VALUE)),
                Arguments.of("containerPort out of range", pod("    ports: [{containerPort: 80800}]\n"), true,
                        List.of("spec.containers[0].ports[0].containerPort: Invalid value: 80800: must be between 1 and 65535, inclusive")),
                Arguments.of("unknown protocol", pod("    ports: [{containerPort: 80, protocol: TCPX}]\n"), true,
                        List.of("spec.containers[0].ports[0].protocol: Unsupported value: \"TCPX\": supported values: \"SCTP\", \"TCP\", \"UDP\"")),
                Arguments.of("volumeMount naming no volume", pod("    volumeMounts: [{name: data, mountPath: /data}]\n"), true,
                        List.of("spec.containers[0].volumeMounts[0].name: Not found: \"data\"")),
                Arguments.of("hostPort differing under hostNetwork",
                        pod("  name: web\n", "    ports: [{containerPort: 80, hostPort: 8080}]\n", "  hostNetwork: true\n"), true,
                        List.of("spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true")),
                Arguments.of("two volumes of one name",
                        pod("  name: web\n", "", "  volumes: [{name: data, emptyDir: {}}, {name: data, emptyDir: {}}]\n"), true,
                        List.of("spec.volumes[1].name: Duplicate value: \"data\"")),
                Arguments.of("fractional memory", pod("    resources: {limits: {memory: 500m}}\n"), false,
                        List.of("spec.containers[0].resources.limits[memory]: fractional byte value \"500m\" is invalid, must be an integer",
                                "spec.containers[0].resources.requests[memory]: fractional byte value \"500m\" is invalid, must be an integer")),
                // kube-apiserver v1.34.4 stores it as 1 (v1 conversion) and so gives no warning: seen in a dry-run create
                Arguments.of("negative grace period", pod("  name: web\n", "", "  terminationGracePeriodSeconds: -5\n"), false,
                        List.of()),
                // Seen in dry-run creates on kube-apiserver v1.34.4 (adapters' ApiserverAdmissionTest found them):
                // the Priority plugin refuses a written priority its class does not give, before validation
                Arguments.of("priority without a class", pod("  name: web\n", "", "  priority: 130\n"), true,
                        List.of("spec.priority: Forbidden: the integer value of priority (130) must not be provided in pod"
                                + " spec; priority admission controller computed 0 from the given PriorityClass name")),
                Arguments.of("priority of its system class",
                        pod("  name: web\n", "", "  priorityClassName: system-cluster-critical\n  priority: 2000000000\n"),
                        false, List.of()),
                Arguments.of("priority 0 without a class", pod("  name: web\n", "", "  priority: 0\n"), false, List.of()),
                Arguments.of("empty protocol, defaulted to TCP", pod("    ports: [{containerPort: 80, protocol: \"\"}]\n"), false,
                        List.of()),
                Arguments.of("hostNetwork copies a containerPort out of range into hostPort",
                        pod("  name: web\n", "    ports: [{containerPort: 80800}]\n", "  hostNetwork: true\n"), true,
                        List.of("spec.containers[0].ports[0].containerPort: Invalid value: 80800: must be between 1 and 65535, inclusive",
                                "spec.containers[0].ports[0].hostPort: Invalid value: 80800: must be between 1 and 65535, inclusive")),
                Arguments.of("an init container's hostPort differing under hostNetwork",
                        pod("  name: web\n", "", "  hostNetwork: true\n  initContainers:\n  - name: init\n    image: busybox:1.36\n"
                                + "    ports: [{containerPort: 80, hostPort: 8080}]\n"), false, List.of()),
                Arguments.of("two invalid volumes of one name, and a mount of it",
                        pod("  name: web\n", "    volumeMounts: [{name: data.1, mountPath: /data}]\n",
                                "  volumes: [{name: data.1, emptyDir: {}}, {name: data.1, emptyDir: {}}]\n"), true,
                        List.of("spec.volumes[0].name: Invalid value: \"data.1\": must not contain dots",
                                "spec.volumes[1].name: Invalid value: \"data.1\": must not contain dots",
                                "spec.containers[0].volumeMounts[0].name: Not found: \"data.1\"")),
                Arguments.of("one host port twice under hostNetwork",
                        pod("  name: web\n", "    ports: [{containerPort: 80}, {containerPort: 80, name: http}]\n", "  hostNetwork: true\n"), true,
                        List.of("spec.containers[0].ports[1].hostPort: Duplicate value: \"TCP//80\"")),
                Arguments.of("one host port twice in the second init container, named as [0] (upstream's quirk)",
                        pod("  name: web\n", "", "  hostNetwork: true\n  initContainers:\n  - name: i0\n    image: busybox\n"
                                + "  - name: i1\n    image: busybox\n    ports: [{containerPort: 81}, {containerPort: 81, name: x}]\n"), true,
                        List.of("spec.initContainers[0].ports[1].hostPort: Duplicate value: \"TCP//81\"")),
                Arguments.of("a repeated env name", pod("    env: [{name: FOO, value: a}, {name: FOO, value: b}]\n"), false,
                        List.of("spec.containers[0].env[1]: hides previous definition of \"FOO\", which may be dropped when using apply")),
                Arguments.of("one port in two containers", pod("  name: web\n", "    ports: [{containerPort: 80, name: http}]\n"
                                + "  - name: app-2\n    image: busybox:1.36\n    ports: [{containerPort: 80, name: http}]\n", ""), false,
                        List.of("spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]",
                                "spec.containers[1].ports[0]: duplicate port name \"http\" with spec.containers[0].ports[0], "
                                        + "services and probes that select ports by name will use spec.containers[0].ports[0]")),
                Arguments.of("restartPolicy on a regular container (dropped) and a preStop sleep of 0",
                        pod("    restartPolicy: OnFailure\n    lifecycle: {preStop: {sleep: {seconds: 0}}}\n"), false, List.of()),
                Arguments.of("a repeated label key", pod("  name: web\n  labels: {app: a, app: b}\n", "", ""), true,
                        List.of("strict decoding error: duplicate field \"metadata.labels.app\"")),
                Arguments.of("a name that is no DNS label", pod("  name: web.example\n", "", ""), false,
                        List.of("metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; "
                                + "a DNS label is recommended: [must not contain dots]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void should_give_the_apiservers_verdict_and_words(String name, String yaml, boolean refused, List<String> lines) {
        // GIVEN the manifest WHEN read strictly and created THEN refused or not, with the apiserver's lines
        Manifest manifest = ScenarioReader.readManifests("pod.yaml", yaml).get(0);
        if (!manifest.strictErrors().isEmpty()) {
            assertThat(refused).isTrue();
            assertThat(manifest.strictErrors()).extracting(e -> StrictDecodingError.PREFIX + e.message()).isEqualTo(lines);
            return;
        }
        PodCreate create = PodCreate.of(manifest.scenario());
        assertThat(!create.accepted()).isEqualTo(refused);
        if (refused) {
            assertThat(create.violations()).extracting(Violation::message).isEqualTo(lines);
        } else {
            assertThat(create.warnings()).extracting(Warning::text).isEqualTo(lines);
        }
    }
}
