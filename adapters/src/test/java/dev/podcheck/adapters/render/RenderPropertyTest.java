package dev.podcheck.adapters.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.qos.PodQOS;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Over generated scenarios: rendering yields a pod the apiserver accepts, with the same semantics under test. */
class RenderPropertyTest {
    static final int TRIALS = 100;
    static final long SEED = 20260501L;

    /** One pod each: a node scenario's neighbours are never rendered (UnsupportedFeatures refuses them). */
    static Property<Scenario> defaultedScenarios() {
        return Property.forAll(ScenarioGen.scenarios(Size.DEFAULT).map(s -> Defaulting.apply(s.withNeighbours(List.of()))))
                .trials(TRIALS).seed(SEED).renderedWith(ScenarioWriter::toYaml);
    }

    static RenderedPod render(Scenario scenario) {
        return PodRenderer.render(scenario, RenderOptions.kubernetes(null));
    }

    @Test
    void should_render_a_pod_the_apiserver_accepts() {
        defaultedScenarios().check(s -> assertThat(Validation.validate(render(s).pod())).isEmpty());
    }

    /** A script the kubelet changed on its way to the shell would act another behaviour ($$ became $ once). */
    @Test
    void should_render_commands_the_kubelets_expansion_leaves_unchanged() {
        defaultedScenarios().check(s -> render(s).pod().spec().allContainers().forEach(c -> {
            List<String> expanded = Stream.of(c.command(), c.args(), execCommands(c)).flatMap(List::stream).toList();
            assertThat(expanded).allSatisfy(arg -> assertThat(KubeletExpansion.expand(arg, Map.of())).isEqualTo(arg));
        }));
    }

    private static List<String> execCommands(Container c) {
        return Stream.of(ProbeKind.values()).map(c::probe).filter(p -> p != null && p.exec() != null)
                .flatMap(p -> p.exec().command().stream()).toList();
    }

    @Test
    void should_expand_as_the_kubelet_does() {
        Map<String, String> env = Map.of("X", "x");
        assertThat(KubeletExpansion.expand("a$$b $(X) $(Y) $$(X) $x $", env)).isEqualTo("a$b x $(Y) $(X) $x $");
        assertThat(KubeletExpansion.expand("$(X", env)).isEqualTo("$(X");
    }

    @Test
    void should_keep_the_qos_class() {
        defaultedScenarios().check(s -> assertThat(PodQOS.compute(render(s).pod())).isEqualTo(PodQOS.compute(s.pod())));
    }

    @Test
    void should_keep_order_kinds_policies_grace_resources_and_probe_timing() {
        defaultedScenarios().check(s -> {
            PodSpec given = s.pod().spec();
            PodSpec rendered = render(s).pod().spec();
            assertThat(rendered.restartPolicy()).isEqualTo(given.restartPolicy());
            assertThat(rendered.terminationGracePeriodSeconds()).isEqualTo(given.terminationGracePeriodSeconds());
            assertThat(rendered.activeDeadlineSeconds()).isEqualTo(given.activeDeadlineSeconds());
            assertThat(semantics(rendered.initContainers())).isEqualTo(semantics(given.initContainers()));
            assertThat(semantics(rendered.containers())).isEqualTo(semantics(given.containers()));
        });
    }

    @Test
    void should_run_every_container_as_a_script_of_the_image_with_the_report_volume() {
        defaultedScenarios().check(s -> render(s).pod().spec().allContainers().forEach(c -> {
            assertThat(c.image()).isEqualTo(RenderOptions.DEFAULT_IMAGE);
            assertThat(c.command()).hasSize(3).startsWith("sh", "-c");
            assertThat(c.args()).isEmpty();
            assertThat(new ArrayList<Object>((List<?>) c.extra().get("volumeMounts")))
                    .contains(Map.of("name", ReportMount.VOLUME_NAME, "mountPath", PodRenderer.MOUNT_PATH));
        }));
    }

    @Test
    void should_write_a_manifest_that_reads_back_as_the_same_scenario_on_the_rendered_pod() {
        defaultedScenarios().check(s -> {
            RenderedPod rendered = render(s);
            Scenario read = ScenarioReader.readOne("rendered", rendered.yaml());
            assertThat(read.behaviours()).isEqualTo(s.behaviours());
            assertThat(read.events()).isEqualTo(s.events());
            assertThat(ScenarioWriter.toManifest(read)).isEqualTo(rendered.pod());
        });
    }

    /** What of a container decides the semantics under test: its name, kind, resources, probes without handlers, hooks present. */
    private static List<List<Object>> semantics(List<Container> containers) {
        return containers.stream().map(c -> List.<Object>of(String.valueOf(c.name()), String.valueOf(c.restartPolicy()),
                c.resources(), c.terminationMessagePath(), timing(c), hooks(c))).toList();
    }

    private static List<String> timing(Container c) {
        return Stream.of(ProbeKind.values()).map(kind -> {
            Probe p = c.probe(kind);
            return p == null ? kind + " none" : kind + " " + p.withHandlers(null, null, null, null);
        }).toList();
    }

    private static String hooks(Container c) {
        return c.lifecycle() == null ? "none"
                : (c.lifecycle().postStart() != null) + " " + (c.lifecycle().preStop() != null);
    }

    @Test
    void should_leave_the_scenario_pod_otherwise_as_it_was() {
        defaultedScenarios().check(s -> {
            Pod rendered = render(s).pod();
            assertThat(rendered.metadata().name()).isEqualTo(s.pod().metadata().name());
            assertThat(rendered.metadata().labels()).isEqualTo(s.pod().metadata().labels());
            assertThat(rendered.metadata().annotations()).containsEntry(PodRenderer.RENDERED_ANNOTATION,
                    RenderOptions.DEFAULT_IMAGE);
        });
    }
}
