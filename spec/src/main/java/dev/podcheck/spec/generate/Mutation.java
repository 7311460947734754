package dev.podcheck.spec.generate;

import dev.podcheck.spec.admission.Violation.Type;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of single mistakes, each with the violation the apiserver reports for it
 * (pkg/apis/core/validation/validation.go, ~v1.33, docs/semantics.md section 2). Every mutation applies
 * to any valid scenario: where it needs a regular init container and there is none, it adds one.
 *
 * <p>Stability: experimental.
 */
public enum Mutation {
    /** validateContainerCommon: Required (V-5). */
    MISSING_NAME {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ContainerRef ref = ContainerRef.anyContainer(s, c);
            return new InvalidCase(ref.rename(s, ref.get(s).withName(null)), ref.path("name"), Type.REQUIRED);
        }
    },
    /** ValidateDNS1123Label: Invalid (V-5). */
    BAD_NAME {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ContainerRef ref = ContainerRef.anyContainer(s, c);
            String name = Gen.elements("App", "app_1", "-app", "app.1").generate(c);
            return new InvalidCase(ref.rename(s, ref.get(s).withName(name)), ref.path("name"), Type.INVALID);
        }
    },
    /** validateInitContainers: an init container named like a regular one is the Duplicate (V-5). */
    DUPLICATE_NAME_ACROSS_INIT_AND_REGULAR {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            Scenario with = ContainerRef.withAnyInit(s);
            ContainerRef init = ContainerRef.anyInit(with, c);
            String taken = ContainerRef.anyRegular(with, c).get(with).name();
            // The shared name's behaviour would now cover two containers with different hooks: drop it too.
            Scenario renamed = ContainerRef.withoutBehaviour(init.rename(with, init.get(with).withName(taken)), taken);
            return new InvalidCase(renamed, init.path("name"), Type.DUPLICATE);
        }
    },
    /** validateContainerCommon: Required (V-6). */
    MISSING_IMAGE {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ContainerRef ref = ContainerRef.anyContainer(s, c);
            return new InvalidCase(ref.replace(s, ref.get(s).withImage(null)), ref.path("image"), Type.REQUIRED);
        }
    },
    /** validateRestartPolicy: NotSupported (V-3). */
    UNSUPPORTED_RESTART_POLICY {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            String policy = Gen.elements("Sometimes", "always").generate(c);
            return new InvalidCase(spec(s, s.pod().spec().withRestartPolicy(policy)), "spec.restartPolicy",
                    Type.NOT_SUPPORTED);
        }
    },
    /** validateLivenessProbe, validateStartupProbe: "must be 1" (V-9); 0 would be defaulted to 1 (D-5). */
    SUCCESS_THRESHOLD_NOT_ONE {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ProbeKind kind = Gen.elements(ProbeKind.liveness, ProbeKind.startup).generate(c);
            int threshold = Gen.integers(2, 5).generate(c);
            return editProbe(s, c, kind, "successThreshold", Type.INVALID, p -> timing(p, p.periodSeconds(), threshold));
        }
    },
    /** validateProbe: ValidateNonnegativeField (V-8). */
    NEGATIVE_PERIOD_SECONDS {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ProbeKind kind = Gen.elements(ProbeKind.values()).generate(c);
            int period = -Gen.integers(1, 10).generate(c);
            return editProbe(s, c, kind, "periodSeconds", Type.INVALID, p -> timing(p, period, p.successThreshold()));
        }
    },
    /** validateHandler: Required at the probe itself, "must specify a handler type" (V-12). */
    PROBE_WITHOUT_HANDLER {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ProbeKind kind = Gen.elements(ProbeKind.values()).generate(c);
            return editProbe(s, c, kind, null, Type.REQUIRED, p -> p.withHandlers(null, null, null, null));
        }
    },
    /** validateHandler: Forbidden at the later handler in API order (exec, httpGet, tcpSocket, grpc) (V-12). */
    PROBE_WITH_TWO_HANDLERS {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ProbeKind kind = Gen.elements(ProbeKind.values()).generate(c);
            ContainerRef ref = ContainerRef.probeCapable(s, c);
            Probe probe = existingOrMinimal(ref.get(s), kind);
            int present = HANDLERS.indexOf(probe.handlers().get(0).fieldName());
            int extra = (present + 1 + c.drawIndex(HANDLERS.size() - 1)) % HANDLERS.size();
            Probe second = ContainerGen.probeHandler(extra);
            Probe both = probe.withHandlers(or(probe.exec(), second.exec()), or(probe.httpGet(), second.httpGet()),
                    or(probe.tcpSocket(), second.tcpSocket()), or(probe.grpc(), second.grpc()));
            String field = kind.fieldName() + "." + HANDLERS.get(Math.max(present, extra));
            return new InvalidCase(ref.replace(s, ref.get(s).withProbe(kind, both)), ref.path(field), Type.FORBIDDEN);
        }
    },
    /** validateInitContainers: Forbidden without restartPolicy Always (V-14). */
    PROBE_ON_REGULAR_INIT_CONTAINER {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            Scenario with = ContainerRef.withRegularInit(s);
            ContainerRef ref = ContainerRef.regularInit(with, c);
            ProbeKind kind = Gen.elements(ProbeKind.values()).generate(c);
            Container probed = ref.get(with).withProbe(kind, ContainerGen.probeHandler(0));
            return new InvalidCase(ref.replace(with, probed), ref.path(kind.fieldName()), Type.FORBIDDEN);
        }
    },
    /** validateInitContainers: Forbidden without restartPolicy Always (V-14). */
    LIFECYCLE_ON_REGULAR_INIT_CONTAINER {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            Scenario with = ContainerRef.withRegularInit(s);
            ContainerRef ref = ContainerRef.regularInit(with, c);
            Lifecycle lifecycle = new Lifecycle(null, LifecycleHandler.exec(List.of("true")));
            return new InvalidCase(ref.replace(with, ref.get(with).withLifecycle(lifecycle)), ref.path("lifecycle"),
                    Type.FORBIDDEN);
        }
    },
    /** validateReadinessProbe: field.Invalid "must not be set for readinessProbes" (V-10). */
    READINESS_PROBE_WITH_GRACE {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            long grace = Gen.longs(1, 30).generate(c);
            return editProbe(s, c, ProbeKind.readiness, "terminationGracePeriodSeconds", Type.INVALID,
                    p -> p.withTerminationGracePeriodSeconds(grace));
        }
    },
    /** validateProbe: "must be greater than 0" (V-11); on liveness or startup, where a grace may be set. */
    PROBE_GRACE_NOT_POSITIVE {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ProbeKind kind = Gen.elements(ProbeKind.liveness, ProbeKind.startup).generate(c);
            long grace = Gen.elements(0L, -1L).generate(c);
            return editProbe(s, c, kind, "terminationGracePeriodSeconds", Type.INVALID,
                    p -> p.withTerminationGracePeriodSeconds(grace));
        }
    },
    /** validateSleepAction: Invalid at the sleep handler (V-13); the pod's grace is made explicit. */
    SLEEP_LONGER_THAN_GRACE {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            Long podGrace = s.pod().spec().terminationGracePeriodSeconds();
            long grace = podGrace == null ? ScenarioGen.DEFAULT_GRACE : podGrace;
            Scenario explicit = spec(s, s.pod().spec().withTerminationGracePeriodSeconds(grace));
            ContainerRef ref = ContainerRef.probeCapable(explicit, c);
            boolean preStop = !c.drawBoolean(0.5);
            LifecycleHandler sleep = LifecycleHandler.sleep(grace + Gen.longs(1, 30).generate(c));
            Lifecycle old = ref.get(explicit).lifecycle();
            LifecycleHandler postStart = old == null ? null : old.postStart();
            LifecycleHandler stop = old == null ? null : old.preStop();
            Lifecycle lifecycle = preStop ? new Lifecycle(postStart, sleep) : new Lifecycle(sleep, stop);
            String field = "lifecycle." + (preStop ? "preStop" : "postStart") + ".sleep";
            return new InvalidCase(ref.replace(explicit, ref.get(explicit).withLifecycle(lifecycle)), ref.path(field),
                    Type.INVALID);
        }
    },
    /** ValidatePodSpec: activeDeadlineSeconds in [1, MaxInt32] (V-2). */
    ACTIVE_DEADLINE_ZERO {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            return new InvalidCase(spec(s, s.pod().spec().withActiveDeadlineSeconds(0L)), "spec.activeDeadlineSeconds",
                    Type.INVALID);
        }
    },
    /** validateContainers: Required at the list (V-4). */
    NO_CONTAINERS {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            Scenario without = spec(s, s.pod().spec().withContainers(List.of()));
            for (Container gone : s.pod().spec().containers()) {
                without = ContainerRef.withoutBehaviour(without, gone.name());
            }
            return new InvalidCase(without, "spec.containers", Type.REQUIRED);
        }
    },
    /**
     * ValidateResourceRequirements: Invalid at the requests map itself, not at the key: the
     * apiserver reports {@code field.Invalid(reqPath, ...)} "must be less than or equal to cpu limit of ...".
     */
    REQUEST_ABOVE_LIMIT {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            ContainerRef ref = ContainerRef.anyContainer(s, c);
            ResourceRequirements old = ref.get(s).resources();
            long limit = Gen.longs(1, 2000, 100).generate(c);
            long request = limit + Gen.longs(1, 1000).generate(c);
            Map<String, Quantity> requests = new LinkedHashMap<>(old.requests());
            Map<String, Quantity> limits = new LinkedHashMap<>(old.limits());
            requests.put(ResourceRequirements.CPU, Quantity.parse(request + "m"));
            limits.put(ResourceRequirements.CPU, Quantity.parse(limit + "m"));
            return new InvalidCase(ref.replace(s, ref.get(s).withResources(ResourceRequirements.of(requests, limits))),
                    ref.path("resources.requests"), Type.INVALID);
        }
    },
    /** ValidateTolerations: Exists matches every value, so a value with it is Invalid (reported at the operator). */
    TOLERATION_EXISTS_WITH_VALUE {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            String value = Gen.elements("gpu", "true").generate(c);
            return specField(s, "tolerations", List.of(Map.of("key", "dedicated", "operator", "Exists", "value", value)),
                    "spec.tolerations[0].operator", Type.INVALID);
        }
    },
    /** validatePodSpecSecurityContext: IsValidUserID, 0 to 2^31-1. */
    NEGATIVE_RUN_AS_USER {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            long uid = -Gen.longs(1, 65536, 1).generate(c);
            return specField(s, "securityContext", Map.of("runAsUser", uid), "spec.securityContext.runAsUser", Type.INVALID);
        }
    },
    /** validateTopologySpreadConstraints: ValidatePositiveField(maxSkew). */
    SPREAD_SKEW_NOT_POSITIVE {
        @Override
        InvalidCase apply(Scenario s, Choices c) {
            int skew = -Gen.integers(0, 3, 0).generate(c);
            return specField(s, "topologySpreadConstraints", List.of(Map.of("maxSkew", skew, "topologyKey", "kubernetes.io/hostname",
                    "whenUnsatisfiable", "DoNotSchedule", "labelSelector", Map.of("matchLabels", Map.of("app", "web")))),
                    "spec.topologySpreadConstraints[0].maxSkew", Type.INVALID);
        }
    };

    // A pass-through pod spec field set (replacing any there).
    private static InvalidCase specField(Scenario s, String name, Object value, String path, Type type) {
        Map<String, Object> extra = new LinkedHashMap<>(s.pod().spec().extra());
        extra.put(name, value);
        return new InvalidCase(spec(s, s.pod().spec().withExtra(extra)), path, type);
    }

    /** Probe handler fields in the order validateHandler checks them. */
    private static final List<String> HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");

    /** Makes exactly this one mistake in a valid scenario. */
    abstract InvalidCase apply(Scenario valid, Choices c);

    private static Scenario spec(Scenario s, PodSpec spec) {
        return s.withPod(s.pod().withSpec(spec));
    }

    /** Edits (or adds) the probe of this kind on a regular container or sidecar. */
    private static InvalidCase editProbe(Scenario s, Choices c, ProbeKind kind, String child, Type type,
                                         java.util.function.UnaryOperator<Probe> edit) {
        ContainerRef ref = ContainerRef.probeCapable(s, c);
        Container container = ref.get(s);
        Probe edited = edit.apply(existingOrMinimal(container, kind));
        String field = kind.fieldName() + (child == null ? "" : "." + child);
        return new InvalidCase(ref.replace(s, container.withProbe(kind, edited)), ref.path(field), type);
    }

    private static Probe existingOrMinimal(Container container, ProbeKind kind) {
        Probe probe = container.probe(kind);
        return probe != null ? probe : ContainerGen.probeHandler(0);
    }

    private static Probe timing(Probe p, Integer period, Integer success) {
        return p.withTiming(p.initialDelaySeconds(), p.timeoutSeconds(), period, success, p.failureThreshold());
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }
}
