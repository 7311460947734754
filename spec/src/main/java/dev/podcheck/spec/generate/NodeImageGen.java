package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Weighted;
import dev.podcheck.spec.scenario.Scenario;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How the node's images behave (SEMANTICS IP-3) and the containers' imagePullPolicy (IP-1), drawn
 * last of all (issue 12) so that every earlier draw stays as it was. Choice 0 leaves an image
 * undescribed and a policy to its default.
 */
final class NodeImageGen {
    private static final Gen<Duration> TAKES = Gen.longs(0, 30, 0).map(Duration::ofSeconds);
    /** Present, pulled in time, pulled after one to five failures (past the 300 s cap is not drawn), never pulled. */
    private static final Gen<NodeImage> IMAGES = Gen.frequency(
            Weighted.just(2, NodeImage.PRESENT),
            Weighted.of(2, TAKES.map(takes -> NodeImage.pulls(takes, 0))),
            Weighted.of(3, Gen.integers(1, 5).map(failures -> NodeImage.pulls(Duration.ofSeconds(2), failures))),
            Weighted.of(1, TAKES.map(NodeImage::unpullable)));
    private static final Gen<String> POLICIES = Gen.elements("Always", "IfNotPresent", "Never");

    private NodeImageGen() {}

    /** A third of the images are described; a quarter of the containers set their policy. */
    static Scenario add(Scenario scenario, Choices c) {
        Map<String, NodeImage> images = new LinkedHashMap<>();
        scenario.pod().spec().allContainers().map(Container::image).distinct().forEach(image -> {
            if (c.drawBoolean(0.35)) {
                images.put(image, IMAGES.generate(c));
            }
        });
        if (images.isEmpty()) {
            return scenario;
        }
        UnaryOperator<Container> withPolicy = container -> c.drawBoolean(0.25)
                ? container.withDefaultedFields(POLICIES.generate(c), container.terminationMessagePath(),
                        container.terminationMessagePolicy())
                : container;
        PodSpec spec = scenario.pod().spec();
        PodSpec withPolicies = spec.withInitContainers(spec.initContainers().stream().map(withPolicy).toList())
                .withContainers(spec.containers().stream().map(withPolicy).toList());
        return scenario.withPod(scenario.pod().withSpec(withPolicies)).withImages(images);
    }
}
