package dev.podcheck.spec.generate;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ExecAction;
import dev.podcheck.spec.pod.GRPCAction;
import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.pod.TCPSocketAction;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Weighted;
import java.util.List;
import java.util.Map;

/** Valid containers of one kind: probes with exactly one handler, hooks within the grace period. */
final class ContainerGen {
    static final String IMAGE = "busybox:1.36";
    private static final Gen<String> IMAGES = Gen.elements(IMAGE, "registry.k8s.io/pause:3.10", "nginx:1.27");
    private static final Gen<Integer> PERIOD = Gen.integers(1, 10).orNull(0.3);
    private static final Gen<Integer> TIMEOUT = Gen.integers(1, 5).orNull(0.2);
    private static final Gen<Integer> DELAY = Gen.integers(0, 10).orNull(0.2);
    private static final Gen<Integer> FAILURE_THRESHOLD = Gen.frequency(
            Weighted.just(3, (Integer) null), Weighted.just(2, 1), Weighted.of(1, Gen.integers(2, 5)));
    private static final Gen<Integer> READINESS_SUCCESS = Gen.integers(1, 3).orNull(0.2);
    private static final Gen<Long> PROBE_GRACE = Gen.longs(1, 30).orNull(0.15);

    private final Size size;
    /** The pod's terminationGracePeriodSeconds after defaulting: sleep hooks must fit in it (V-13). */
    private final long grace;

    ContainerGen(Size size, long grace) {
        this.size = size;
        this.grace = grace;
    }

    Container generate(ContainerKind kind, int index, Choices c) {
        Container container = Container.of(kind.name(index), IMAGES.generate(c));
        if (size.resources()) {
            container = container.withResources(ResourcesGen.resources(size).generate(c));
        }
        if (kind.mayHaveProbesAndHooks()) {
            for (ProbeKind probeKind : ProbeKind.values()) {
                if (size.probePercent() > 0 && c.drawBoolean(size.probePercent() / 100.0)) {
                    container = container.withProbe(probeKind, probe(probeKind, c));
                }
            }
            container = container.withLifecycle(lifecycle(c));
        }
        return kind == ContainerKind.SIDECAR ? container.withRestartPolicy(RestartPolicy.Always.name()) : container;
    }

    /** Exactly one handler; successThreshold 1 for liveness and startup (V-9); no grace on readiness (V-10). */
    static Probe probe(ProbeKind kind, Choices c) {
        Probe handler = probeHandler(c.drawIndex(4));
        Integer success = kind == ProbeKind.readiness ? READINESS_SUCCESS.generate(c) : null;
        Long probeGrace = kind == ProbeKind.readiness ? null : PROBE_GRACE.generate(c);
        return handler.withTiming(DELAY.generate(c), TIMEOUT.generate(c), PERIOD.generate(c), success,
                FAILURE_THRESHOLD.generate(c)).withTerminationGracePeriodSeconds(probeGrace);
    }

    /** The probe handlers in API order: exec, httpGet, tcpSocket, grpc. */
    static Probe probeHandler(int index) {
        return switch (index) {
            case 0 -> handlerOnly(new ExecAction(List.of("true")), null, null, null);
            case 1 -> handlerOnly(null, HTTPGetAction.of("/healthz", 8080), null, null);
            case 2 -> handlerOnly(null, null, new TCPSocketAction(IntOrString.of(8080), null), null);
            default -> handlerOnly(null, null, null, new GRPCAction(9090, null));
        };
    }

    private Lifecycle lifecycle(Choices c) {
        LifecycleHandler postStart = c.drawBoolean(0.15) ? hook(c) : null;
        LifecycleHandler preStop = c.drawBoolean(0.2) ? hook(c) : null;
        return postStart == null && preStop == null ? null : new Lifecycle(postStart, preStop);
    }

    /** exec, httpGet, or (when the grace period allows one) sleep in (0, grace]. */
    private LifecycleHandler hook(Choices c) {
        int choice = c.drawIndex(grace >= 1 ? 3 : 2);
        return switch (choice) {
            case 0 -> LifecycleHandler.exec(List.of("true"));
            case 1 -> new LifecycleHandler(null, new HTTPGetAction("/shutdown", IntOrString.of(8080), null, null, Map.of()),
                    null, null);
            default -> LifecycleHandler.sleep(Gen.longs(1, grace).generate(c));
        };
    }

    private static Probe handlerOnly(ExecAction exec, HTTPGetAction httpGet, TCPSocketAction tcp, GRPCAction grpc) {
        return new Probe(exec, httpGet, tcp, grpc, null, null, null, null, null, null, Map.of());
    }
}
