package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.differential.Difference.Fact;
import dev.podcheck.conformance.differential.Outcome.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the order of containers' first starts and final exits, as the node e2e tests compare
 * their merged container log (StartsBefore, ExitsBefore in test/e2e_node/container_lifecycle_test.go):
 * init containers in order, each done before the next, sidecars before the app, regular containers
 * before sidecars at termination.
 *
 * <p>Steps are ordered as each outcome lists them (by time, and within an instant as the trace shows
 * them: the kubelet's own causal order, which a zero-latency reference collapses into one instant).
 * The target contradicts the reference when it lists two steps the other way round, unless both
 * sides put them within the tolerance of each other: then they happen "at about the same time" on
 * both, and either order may be timing.
 */
final class Order {
    private Order() {}

    /** The first pair of steps (in the reference's order) the target shows the other way round. */
    static Optional<Difference> compare(List<Step> predicted, List<Step> observed, Window window) {
        Map<String, Integer> seenAt = new HashMap<>();
        for (int i = 0; i < observed.size(); i++) {
            seenAt.put(key(observed.get(i)), i);
        }
        for (int i = 0; i < predicted.size(); i++) {
            Integer firstSeen = seenAt.get(key(predicted.get(i)));
            for (int j = i + 1; j < predicted.size() && firstSeen != null; j++) {
                Integer thenSeen = seenAt.get(key(predicted.get(j)));
                if (thenSeen != null && thenSeen < firstSeen) {
                    Step first = predicted.get(i);
                    Step then = predicted.get(j);
                    Step a = observed.get(firstSeen);
                    Step b = observed.get(thenSeen);
                    if (!(window.close(first.at(), then.at()) && window.close(a.at(), b.at()))) {
                        return Optional.of(new Difference(Fact.ORDER, "", before(first, then), before(b, a),
                                then.at(), b.at()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Which step of which container: a container has one first start and one final exit. */
    private static String key(Step s) {
        return s.kind() + "/" + s.container();
    }

    private static String before(Step a, Step b) {
        return a + " at " + a.at() + " ms before " + b + " at " + b.at() + " ms";
    }
}
