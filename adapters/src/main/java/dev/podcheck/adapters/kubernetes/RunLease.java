package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A run's sign of life on the cluster: a coordination.k8s.io Lease named {@code podcheck-run-<run id>}
 * in the run's namespace, labelled with the run, renewed every {@link #RENEW_EVERY} while the run
 * lives. 'podcheck clean' removes a run's objects only once its lease has run out, so it never
 * deletes a live run's namespace or pods (the way kube-node-lease tells a live node from a dead one).
 */
final class RunLease implements AutoCloseable {
    static final Duration RENEW_EVERY = Duration.ofSeconds(20);
    /** The lease's own duration: three renewals may fail before it runs out. */
    static final int DURATION_SECONDS = 60;
    /** How far the clocks of the run's machine and the cleaner's may differ. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final ClusterApi api;
    private final String namespace;
    private final String runId;
    private final Supplier<Instant> clock;
    private final ScheduledExecutorService renewals;

    private RunLease(ClusterApi api, String namespace, String runId, Supplier<Instant> clock, Duration every) {
        this.api = api;
        this.namespace = namespace;
        this.runId = runId;
        this.clock = clock;
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "podcheck-lease-" + runId);
            t.setDaemon(true);
            return t;
        });
        renewals.scheduleAtFixedRate(this::renewQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes the run's lease in {@code namespace} and renews it every {@code every} until closed. */
    static RunLease take(ClusterApi api, String namespace, String runId, Supplier<Instant> clock, Duration every)
            throws TargetException {
        Lease lease = new LeaseBuilder().withNewMetadata().withName(name(runId)).withNamespace(namespace)
                .withLabels(Map.of(RunNamespace.RUN_LABEL, runId)).endMetadata()
                .withNewSpec().withHolderIdentity(runId).withLeaseDurationSeconds(DURATION_SECONDS)
                .withAcquireTime(at(clock.get())).withRenewTime(at(clock.get()))
                .endSpec().build();
        if (api.callOr("take the run's lease in " + namespace, c -> c.leases().inNamespace(namespace).resource(lease)
                .create(), null, 404) == null) {
            throw new TargetException("namespace " + namespace + " does not exist", null);
        }
        return new RunLease(api, namespace, runId, clock, every);
    }

    static String name(String runId) {
        return "podcheck-run-" + runId;
    }

    /** Writes now as the lease's renewTime. */
    void renew() throws TargetException {
        ZonedDateTime now = at(clock.get());
        api.call("renew the run's lease in " + namespace, c -> c.leases().inNamespace(namespace).withName(name(runId))
                .edit(l -> new LeaseBuilder(l).editSpec().withRenewTime(now).endSpec().build()));
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (TargetException | RuntimeException e) {
            // The next renewal tries again; the lease lasts three renewals, and clean allows for skew.
        }
    }

    /**
     * Whether a lease still holds at {@code now}: renewed within its duration, with the clock skew
     * allowed on top. A lease without a renewTime holds nothing.
     */
    static boolean live(Lease lease, Instant now) {
        if (lease.getSpec() == null || lease.getSpec().getRenewTime() == null) {
            return false;
        }
        Integer seconds = lease.getSpec().getLeaseDurationSeconds();
        Instant renewed = lease.getSpec().getRenewTime().toInstant();
        return renewed.plusSeconds(seconds == null ? DURATION_SECONDS : seconds).plus(CLOCK_SKEW).isAfter(now);
    }

    /** The run ids whose lease in {@code leases} holds at {@code now}. */
    static List<String> liveRuns(List<Lease> leases, Instant now) {
        return leases.stream().filter(l -> live(l, now)).map(RunNamespace::labelOf).toList();
    }

    /** {@code t} as a lease's MicroTime keeps it: in UTC, to the microsecond. */
    static ZonedDateTime at(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
    }

    /** Stops renewing and gives the lease up (the run's own namespace goes with it anyway). */
    @Override
    public void close() {
        renewals.shutdownNow();
        try {
            api.callOr("give up the run's lease in " + namespace,
                    c -> c.leases().inNamespace(namespace).withName(name(runId)).delete(), List.of(), 404);
        } catch (TargetException e) {
            // An unrenewed lease runs out by itself within a minute.
        }
    }
}
