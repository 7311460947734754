package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.HookBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small, independent reading of SEMANTICS V-3..V-16 for tests, until the admission
 * Validation is merged: returns what is wrong with a scenario, in words.
 */
final class StructuralRules {
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private StructuralRules() {}

    static List<String> problems(Scenario scenario) {
        List<String> out = new ArrayList<>();
        PodSpec spec = scenario.pod().spec();
        if (spec.containers().isEmpty()) {
            out.add("no containers");
        }
        if (spec.restartPolicy() != null && !RestartPolicy.isSupported(spec.restartPolicy())) {
            out.add("restartPolicy " + spec.restartPolicy());
        }
        if (spec.activeDeadlineSeconds() != null && spec.activeDeadlineSeconds() < 1) {
            out.add("activeDeadlineSeconds " + spec.activeDeadlineSeconds());
        }
        long grace = spec.terminationGracePeriodSeconds() == null ? 30 : spec.terminationGracePeriodSeconds();
        Set<String> names = new HashSet<>();
        spec.allContainers().forEach(c -> {
            if (c.name() == null || !DNS_1123_LABEL.matcher(c.name()).matches() || !names.add(c.name())) {
                out.add("bad or duplicate name " + c.name());
            }
            if (c.image() == null || c.image().isEmpty()) {
                out.add(c.name() + ": no image");
            }
            c.resources().requests().forEach((r, q) -> c.resources().limit(r)
                    .filter(limit -> q.compareTo(limit) > 0).ifPresent(l -> out.add(c.name() + ": request > limit")));
        });
        for (Container c : spec.containers()) {
            if (c.restartPolicy() != null) {
                out.add(c.name() + ": restartPolicy on a regular container");
            }
            out.addAll(probeAndHookProblems(c, grace));
        }
        for (Container c : spec.initContainers()) {
            if (c.restartPolicy() != null && !c.isSidecar()) {
                out.add(c.name() + ": init restartPolicy " + c.restartPolicy());
            }
            if (c.isSidecar()) {
                out.addAll(probeAndHookProblems(c, grace));
            } else if (Arrays.stream(ProbeKind.values()).anyMatch(k -> c.probe(k) != null) || c.lifecycle() != null) {
                out.add(c.name() + ": probe or lifecycle on a regular init container");
            }
        }
        out.addAll(behaviourProblems(scenario));
        return out;
    }

    private static List<String> probeAndHookProblems(Container c, long grace) {
        List<String> out = new ArrayList<>();
        // Not Container.probes(): its Map.entry throws on an unset probe (reported to the model's owner).
        for (ProbeKind kind : ProbeKind.values()) {
            Probe p = c.probe(kind);
            if (p == null) {
                continue;
            }
            if (p.handlers().size() != 1) {
                out.add(c.name() + ": " + kind + " probe with " + p.handlers().size() + " handlers");
            }
            if (kind != ProbeKind.readiness && p.successThreshold() != null && p.successThreshold() != 1) {
                out.add(c.name() + ": " + kind + " successThreshold " + p.successThreshold());
            }
            if (kind == ProbeKind.readiness && p.terminationGracePeriodSeconds() != null) {
                out.add(c.name() + ": readiness probe with terminationGracePeriodSeconds");
            }
            if (p.terminationGracePeriodSeconds() != null && p.terminationGracePeriodSeconds() <= 0) {
                out.add(c.name() + ": probe terminationGracePeriodSeconds " + p.terminationGracePeriodSeconds());
            }
            for (Integer n : new Integer[] {p.initialDelaySeconds(), p.timeoutSeconds(), p.periodSeconds(),
                    p.successThreshold(), p.failureThreshold()}) {
                if (n != null && n < 0) {
                    out.add(c.name() + ": negative probe number");
                }
            }
        }
        if (c.lifecycle() != null) {
            for (LifecycleHandler h : new LifecycleHandler[] {c.lifecycle().postStart(), c.lifecycle().preStop()}) {
                if (h != null && h.handlers().size() != 1) {
                    out.add(c.name() + ": hook with " + h.handlers().size() + " handlers");
                }
                if (h != null && h.sleep() != null && (h.sleep().seconds() <= 0 || h.sleep().seconds() > grace)) {
                    out.add(c.name() + ": sleep " + h.sleep().seconds() + " outside (0, " + grace + "]");
                }
            }
        }
        return out;
    }

    /** Behaviours name existing containers; hook behaviours only where the spec has the hook. */
    private static List<String> behaviourProblems(Scenario scenario) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ContainerBehaviour> e : scenario.behaviours().entrySet()) {
            Container c = scenario.pod().spec().allContainers().filter(x -> e.getKey().equals(x.name()))
                    .findFirst().orElse(null);
            if (c == null) {
                out.add("behaviour for missing container " + e.getKey());
                continue;
            }
            for (InstanceBehaviour i : e.getValue().instances()) {
                boolean postStart = c.lifecycle() != null && c.lifecycle().postStart() != null;
                boolean preStop = c.lifecycle() != null && c.lifecycle().preStop() != null;
                if (!postStart && !i.postStart().equals(HookBehaviour.INSTANT)
                        || !preStop && !i.preStop().equals(HookBehaviour.INSTANT)) {
                    out.add(c.name() + ": hook behaviour without the hook");
                }
            }
        }
        return out;
    }
}
