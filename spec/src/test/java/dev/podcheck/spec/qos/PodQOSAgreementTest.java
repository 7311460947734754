package dev.podcheck.spec.qos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            Pod pod = randomPod(random);

            assertThat(PodQOS.compute(pod)).as("seed %d, pod %d: %s", SEED, i, pod.spec()).isEqualTo(perContainer(pod));
        }
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

    private static Pod randomPod(Random random) {
        List<Container> init = new ArrayList<>();
        List<Container> regular = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            Container c = randomContainer(random, "init-" + i);
            init.add(random.nextBoolean() ? c.withRestartPolicy("Always") : c);
        }
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            regular.add(randomContainer(random, "main-" + i));
        }
        return Pods.pod(init, regular);
    }

    /** Each resource: absent, request only, limit only, or request <= limit. */
    private static Container randomContainer(Random random, String name) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        for (String resource : RESOURCES) {
            Quantity a = Quantity.parse(AMOUNTS[random.nextInt(AMOUNTS.length)]);
            Quantity b = Quantity.parse(AMOUNTS[random.nextInt(AMOUNTS.length)]);
            Quantity low = a.compareTo(b) <= 0 ? a : b;
            Quantity high = a.compareTo(b) <= 0 ? b : a;
            switch (random.nextInt(5)) {
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
