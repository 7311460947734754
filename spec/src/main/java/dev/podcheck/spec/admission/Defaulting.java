package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.scenario.Scenario;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The apiserver's v1 defaulting for the fields podcheck models (SEMANTICS D-1, D-2, D-5..D-9), as
 * pkg/apis/core/v1/defaults.go does it, those of the fields it keeps as read ({@link PassThroughDefaults}), and the
 * one normalisation v1 conversion makes (a negative grace period is stored as 1). Pure and idempotent: a field
 * already set is kept.
 */
public final class Defaulting {
    static final String DEFAULT_RESTART_POLICY = "Always";
    static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
    static final String DEFAULT_TERMINATION_MESSAGE_PATH = "/dev/termination-log";
    static final String DEFAULT_TERMINATION_MESSAGE_POLICY = "File";
    static final String DEFAULT_HTTP_PATH = "/";
    static final String DEFAULT_HTTP_SCHEME = "HTTP";

    private Defaulting() {}

    /** The pod as the apiserver stores it after defaulting. */
    public static Pod apply(Pod pod) {
        return pod.withSpec(apply(pod.spec()));
    }

    /** The same scenario with its pod, and its neighbours' pods, defaulted; behaviours and events need no defaults. */
    public static Scenario apply(Scenario scenario) {
        Scenario defaulted = scenario.withPod(apply(scenario.pod()));
        return scenario.isNodeScenario()
                ? defaulted.withNeighbours(scenario.neighbours().stream().map(Defaulting::apply).toList())
                : defaulted;
    }

    // SetDefaults_PodSpec (D-1, D-2); the containers' defaults come from SetDefaults_Container & co.
    private static PodSpec apply(PodSpec spec) {
        PodSpec out = spec
                .withInitContainers(spec.initContainers().stream().map(Defaulting::apply)
                        .map(Defaulting::withoutRestartRules).toList())
                .withContainers(spec.containers().stream().map(Defaulting::apply)
                        .map(c -> c.withRestartPolicy(null)).toList());
        out = PassThroughDefaults.pod(out);
        if (isUnset(out.restartPolicy())) {
            out = out.withRestartPolicy(DEFAULT_RESTART_POLICY);
        }
        if (out.terminationGracePeriodSeconds() == null) {
            out = out.withTerminationGracePeriodSeconds(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
        } else if (out.terminationGracePeriodSeconds() < 0) {
            // Convert_v1_Pod_To_core_Pod (pkg/apis/core/v1/conversion.go) stores a negative grace as 1, before
            // validation (a sleep hook is checked against 1) and before warnings (so warnings.go's never fires).
            out = out.withTerminationGracePeriodSeconds(1L);
        }
        return out;
    }

    // dropContainerRestartRules (pkg/api/pod/util.go): with ContainerRestartRules off (alpha in 1.34) a create loses
    // every regular container's restartPolicy and an init container's other than Always, silently, before validation:
    // kube-apiserver v1.34.4 accepted restartPolicy: OnFailure on a regular container and stored none.
    private static Container withoutRestartRules(Container init) {
        return init.isSidecar() ? init : init.withRestartPolicy(null);
    }

    private static Container apply(Container container) {
        Container out = container.withDefaultedFields(
                isUnset(container.imagePullPolicy())
                        ? ImageReference.defaultPullPolicy(container.image()) : container.imagePullPolicy(),
                isUnset(container.terminationMessagePath())
                        ? DEFAULT_TERMINATION_MESSAGE_PATH : container.terminationMessagePath(),
                isUnset(container.terminationMessagePolicy())
                        ? DEFAULT_TERMINATION_MESSAGE_POLICY : container.terminationMessagePolicy());
        for (ProbeKind kind : ProbeKind.values()) {
            Probe probe = out.probe(kind);
            if (probe != null) {
                out = out.withProbe(kind, apply(probe));
            }
        }
        if (out.lifecycle() != null) {
            out = out.withLifecycle(apply(out.lifecycle()));
        }
        return out.withResources(requestsFromLimits(roundUpToMilli(out.resources())));
    }

    // SetDefaults_Probe (D-5): 0 is Go's zero value, so it counts as unset. initialDelaySeconds and
    // terminationGracePeriodSeconds are not defaulted.
    static Probe apply(Probe probe) {
        Probe out = probe.withTiming(
                probe.initialDelaySeconds(),
                orDefault(probe.timeoutSeconds(), 1),
                orDefault(probe.periodSeconds(), 10),
                orDefault(probe.successThreshold(), 1),
                orDefault(probe.failureThreshold(), 3));
        if (out.httpGet() != null) {
            out = out.withHandlers(out.exec(), apply(out.httpGet()), out.tcpSocket(), out.grpc());
        }
        return out;
    }

    private static Lifecycle apply(Lifecycle lifecycle) {
        return new Lifecycle(apply(lifecycle.postStart()), apply(lifecycle.preStop()));
    }

    private static LifecycleHandler apply(LifecycleHandler hook) {
        if (hook == null || hook.httpGet() == null) {
            return hook;
        }
        return new LifecycleHandler(hook.exec(), apply(hook.httpGet()), hook.tcpSocket(), hook.sleep());
    }

    // SetDefaults_HTTPGetAction (D-6), for probes and hooks alike.
    private static HTTPGetAction apply(HTTPGetAction action) {
        return action.withDefaults(DEFAULT_HTTP_PATH, DEFAULT_HTTP_SCHEME);
    }

    // SetDefaults_Pod (D-9): every limit without a request becomes the request; set requests stay,
    // even "0". Pods only: pod templates are not defaulted this way.
    static ResourceRequirements requestsFromLimits(ResourceRequirements resources) {
        if (resources.requests().keySet().containsAll(resources.limits().keySet())) {
            return resources;
        }
        Map<String, Quantity> requests = new LinkedHashMap<>(resources.requests());
        resources.limits().forEach(requests::putIfAbsent);
        return resources.withRequests(requests);
    }

    // SetDefaults_ResourceList (#18538): every quantity is rounded up to milli precision (cpu: 0.0001 is stored as 1m).
    static ResourceRequirements roundUpToMilli(ResourceRequirements resources) {
        return ResourceRequirements.of(roundUpToMilli(resources.requests()), roundUpToMilli(resources.limits()))
                .withExtra(resources.extra());
    }

    private static Map<String, Quantity> roundUpToMilli(Map<String, Quantity> list) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        list.forEach((name, q) -> out.put(name, q.value().scale() <= 3 ? q
                : new Quantity(q.value().setScale(3, RoundingMode.UP), q.format())));
        return out;
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null || value == 0 ? fallback : value;
    }

    private static boolean isUnset(String value) {
        return value == null || value.isEmpty();
    }
}
