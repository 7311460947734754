package dev.podcheck.spec.qos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Newer qos.go ComputePodQOS classifies each container alone (resourceQOS) and combines the
 * classes, instead of summing requests and limits (SEMANTICS Q-3). On valid pods (quantities >= 0,
 * request <= limit where a limit is set) the two must agree; this checks it on seeded random pods.
 */
class PodQOSAgreementTest {
    private static final long SEED = 20261125L;
    private static final String[] RESOURCES = {"cpu", "memory", "ephemeral-storage", "example.com/gpu"};
    private static final String[] AMOUNTS = {"0", "100m", "1", "64Mi", "1Gi"};

    @Test
    void should_agree_with_the_per_container_form_on_valid_pods() {
        Property.forAll(PODS).trials(5_000).seed(SEED).renderedWith(pod -> ScenarioWriter.toYaml(Scenario.of(pod)))
                .check(pod -> assertThat(PodQOS.compute(pod)).isEqualTo(perContainer(pod)));
    }

    @Test
    void should_agree_with_the_per_container_form_on_generated_scenarios() {
        Property.forAll(ScenarioGen.scenarios()).trials(2_000).seed(SEED).renderedWith(ScenarioWriter::toYaml)
                .check(s -> {
                    Pod pod = Defaulting.apply(s.pod());
                    assertThat(PodQOS.compute(pod)).isEqualTo(perContainer(pod));
                });
    }

    /** qos.go resourceQOS per container, then: any Burstable or a mix makes the pod Burstable. */
    private static QOSClass perContainer(Pod pod) {
        QOSClass podClass = null;
        for (Container c : pod.spec().allContainers().toList()) {
            QOSClass own = resourceQOS(c.resources());
            if (own == QOSClass.Burstable || (podClass != null && podClass != own)) {
                return QOSClass.Burstable;
            }
            podClass = own;
        }
        return podClass == null ? QOSClass.BestEffort : podClass;
    }

    private static QOSClass resourceQOS(ResourceRequirements r) {
        QOSClass result = null;
        for (String name : List.of("cpu", "memory")) {
            Quantity request = r.requests().getOrDefault(name, Quantity.ZERO);
            Quantity limit = r.limits().getOrDefault(name, Quantity.ZERO);
            if (!request.equals(limit)) {
                return QOSClass.Burstable;
            }
            QOSClass own = request.signum() == 0 ? QOSClass.BestEffort : QOSClass.Guaranteed;
            if (result != null && result != own) {
                return QOSClass.Burstable;
            }
            result = own;
        }
        return result;
    }

    /** Up to two init containers (each maybe a sidecar) and one to three regular containers. */
    private static final Gen<Pod> PODS = c -> {
        List<Container> init = new ArrayList<>();
        List<Container> regular = new ArrayList<>();
        for (int i = c.drawIndex(3); i > 0; i--) {
            Container container = container(c, "init-" + i);
            init.add(c.drawBoolean(0.5) ? container.withRestartPolicy("Always") : container);
        }
        for (int i = 1 + c.drawIndex(3); i > 0; i--) {
            regular.add(container(c, "main-" + i));
        }
        return Pods.pod(init, regular);
    };

    /** Each resource: absent, request only, limit only, request == limit, or request <= limit. */
    private static Container container(Choices c, String name) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        for (String resource : RESOURCES) {
            Quantity a = Quantity.parse(AMOUNTS[c.drawIndex(AMOUNTS.length)]);
            Quantity b = Quantity.parse(AMOUNTS[c.drawIndex(AMOUNTS.length)]);
            Quantity low = a.compareTo(b) <= 0 ? a : b;
            Quantity high = a.compareTo(b) <= 0 ? b : a;
            switch (c.drawIndex(5)) {
                case 0 -> { }
                case 1 -> requests.put(resource, low);
                case 2 -> limits.put(resource, high);
                case 3 -> { requests.put(resource, high); limits.put(resource, high); }
                default -> { requests.put(resource, low); limits.put(resource, high); }
            }
        }
        return Container.of(name, "busybox").withResources(ResourceRequirements.of(requests, limits));
    }
}
