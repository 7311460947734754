package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Instance;
import dev.podcheck.conformance.differential.Outcome.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders Kubernetes promises, as the node e2e tests check them on their merged container log
 * (StartsBefore, ExitsBefore in test/e2e_node/container_lifecycle_test.go): {@link Fact#INIT_ORDER}
 * (an init container completes before anything after it first starts) and {@link Fact#SIDECAR_ORDER}
 * (a sidecar starts before anything after it; at termination regular containers stop before
 * sidecars, sidecars in reverse order).
 *
 * <p>A pair is checked where the reference shows it in that order. The target contradicts it when
 * it shows the later step before the earlier one by more than its clock's resolution, or the later
 * step without the earlier one; within one instant the trace's order (the kubelet's causal order)
 * decides, which only an exact clock can tell.
 */
final class Order {
    private Order() {}

    /** What a container did, as a line of the merged log says it. */
    private enum Did {
        STARTED, COMPLETED, STOPPED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One line of the merged log: when a step was, and where in the trace it was first shown. */
    private record Step(long at, int index) {
        boolean before(Step other) {
            return at < other.at || at == other.at && index < other.index;
        }
    }

    /** The first step must come before the second. */
    private record Pair(Fact fact, ContainerOutcome first, Did firstDid, ContainerOutcome then, Did thenDid) {
        String firstStep() {
            return first.name() + " " + firstDid.word();
        }

        String thenStep() {
            return then.name() + " " + thenDid.word();
        }
    }

    static void compare(Outcome reference, Outcome target, long resolution, Findings out) {
        for (Fact fact : List.of(Fact.INIT_ORDER, Fact.SIDECAR_ORDER)) {
            pairs(reference).stream().filter(p -> p.fact() == fact)
                    .filter(p -> contradicts(p, reference, target, resolution)).findFirst()
                    .ifPresent(p -> out.add(fact, p.then(), p.firstStep() + " before " + p.thenStep() + ":",
                            describe(p, reference, resolution), describe(p, target, resolution),
                            "the same order, or within "
                                    + resolution + " ms of each other"));
        }
    }

    private static boolean contradicts(Pair p, Outcome reference, Outcome target, long resolution) {
        Optional<Step> a = step(reference, p.first(), p.firstDid(), resolution);
        Optional<Step> b = step(reference, p.then(), p.thenDid(), resolution);
        if (b.isEmpty() || a.isPresent() && b.get().before(a.get())) {
            return false; // the reference does not promise this pair here
        }
        Optional<Step> x = step(target, target.container(p.first().name()), p.firstDid(), resolution);
        Optional<Step> y = step(target, target.container(p.then().name()), p.thenDid(), resolution);
        if (y.isEmpty()) {
            return false;
        }
        if (x.isEmpty()) {
            return a.isPresent();
        }
        return resolution == 0 ? y.get().before(x.get()) : x.get().at() - y.get().at() > resolution;
    }

    private static List<Pair> pairs(Outcome reference) {
        List<Pair> pairs = new ArrayList<>();
        List<ContainerOutcome> all = reference.containers();
        for (int i = 0; i < all.size(); i++) {
            ContainerOutcome a = all.get(i);
            for (ContainerOutcome b : all.subList(i + 1, all.size())) {
                if (a.kind() == Kind.INIT) {
                    pairs.add(new Pair(Fact.INIT_ORDER, a, Did.COMPLETED, b, Did.STARTED));
                } else if (a.kind() == Kind.SIDECAR) {
                    pairs.add(new Pair(Fact.SIDECAR_ORDER, a, Did.STARTED, b, Did.STARTED));
                    // any container after it stops first: an init container still running, a regular one, a later sidecar
                    pairs.add(new Pair(Fact.SIDECAR_ORDER, b, Did.STOPPED, a, Did.STOPPED));
                }
            }
        }
        return pairs;
    }

    /** The step on one side: a first start, an init container's completion, or the stop after the pod was asked to stop. */
    private static Optional<Step> step(Outcome side, ContainerOutcome c, Did did, long resolution) {
        if (c == null) {
            return Optional.empty();
        }
        return switch (did) {
            case STARTED -> c.first().map(i -> new Step(i.startedAt(), i.index()));
            case COMPLETED -> c.completion().map(e -> new Step(e.at(), e.index()));
            case STOPPED -> side.stoppedAt() == null ? Optional.empty() : c.instances().stream().map(Instance::exit)
                    .filter(e -> e != null && side.byTheStop(e, resolution)).reduce((x, y) -> y)
                    .map(e -> new Step(e.at(), e.index()));
        };
    }

    /** "init completed at 5000 ms, app started at 5000 ms", or "never" for a step not taken. */
    private static String describe(Pair p, Outcome side, long resolution) {
        return at(p.first().name(), p.firstDid(), step(side, side.container(p.first().name()), p.firstDid(),
                resolution)) + ", " + at(p.then().name(), p.thenDid(), step(side, side.container(p.then().name()),
                p.thenDid(), resolution));
    }

    private static String at(String container, Did did, Optional<Step> step) {
        return container + step.map(s -> " " + did.word() + " at " + s.at() + " ms").orElse(" never " + did.word());
    }
}
