package dev.podcheck.adapters.podman;

import dev.podcheck.adapters.observe.Sighting.PodSnapshot;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One pod's containers as podman's events log records them, read as the pod status a trace
 * knows. The log is podman's own record of every state change, exact to the nanosecond: every
 * instance is in it, even one shorter than any poll, and every init container, which kube play
 * removes right after it exits 0. The mapping:
 * <table>
 *   <caption>podman's record and the status it is shown as</caption>
 *   <tr><th>podman</th><th>status</th></tr>
 *   <tr><td>create</td><td>Waiting, no reason (the kubelet's reasons explain its own waiting; podman gives none);
 *       kube play creates every container before it starts the first, and the first snapshot is the one
 *       at the last create: the first that lists them all</td></tr>
 *   <tr><td>start at T</td><td>Running since T (cut to its second, see {@link #apiSecond}); after a restart
 *       event, restartCount one more and lastState the instance before</td></tr>
 *   <tr><td>died at T with code C</td><td>Terminated(C) from the instance's start to T (both cut to the
 *       second), reason OOMKilled when
 *       podman's inspect says the kernel killed it, else Completed for 0 and Error for others (the words a CRI
 *       runtime gives the same facts); no signal (podman does not say which ended it; reports tell)</td></tr>
 *   <tr><td>restart</td><td>podman's restart policy restarts the container: counted with the next start
 *       (podman's own RestartCount counts the same)</td></tr>
 *   <tr><td>remove (an init container)</td><td>its last state stays</td></tr>
 * </table>
 * Podman has no pod phase, no conditions and no QoS class (a pod's Running, Degraded or Exited is
 * its own summary of its containers, not a phase): the snapshot has none, so the trace shows none.
 *
 * <p>ready and started are not podman's: it keeps neither. They are the kubelet's rules
 * (prober_manager.go UpdatePodStatus, SEMANTICS P-11) applied to podman's facts, given that podman
 * runs no startup or readiness probe (kube play turns only a liveness probe into a healthcheck):
 * started is running with no startup probe, ready is started with no readiness probe, and a
 * regular init container is ready once it exited 0. They are filled so that the statuses read as
 * Kubernetes', and checks on them check this reading, not podman.
 */
final class PodmanStatus {
    /** The kernel's OOM kill, as a CRI runtime names the reason. */
    static final String OOM_KILLED = "OOMKilled";

    private final String podName;
    /** Per podman container name ({@code <pod>-<container>}, kube play's naming), in spec order. */
    private final Map<String, Record> containers = new LinkedHashMap<>();
    private final Predicate<String> oomKilled;
    private boolean gone;
    private boolean recorded;

    /** One container as podman has recorded it so far. */
    private static final class Record {
        final Container spec;
        final boolean init;
        final boolean regularInit;
        boolean created;
        ContainerState state = ContainerState.waiting("");
        ContainerState last;
        int restarts;
        boolean restarting;
        long startedAt;

        Record(Container spec, boolean init) {
            this.spec = spec;
            this.init = init;
            this.regularInit = init && !spec.isSidecar();
        }
    }

    /**
     * @param oomKilled asks podman whether the container of this podman name was just killed by the
     *                  kernel (its inspect's State.OOMKilled); asked only for deaths with exit code 137
     */
    PodmanStatus(Scenario defaulted, String podName, Predicate<String> oomKilled) {
        this.podName = podName;
        this.oomKilled = oomKilled;
        for (Container c : defaulted.pod().spec().initContainers()) {
            containers.put(podmanName(podName, c.name()), new Record(c, true));
        }
        for (Container c : defaulted.pod().spec().containers()) {
            containers.put(podmanName(podName, c.name()), new Record(c, false));
        }
    }

    /** kube play's name for a container of a pod. */
    static String podmanName(String podName, String container) {
        return podName + "-" + container;
    }

    /** Whether the event is about this pod or one of its containers. */
    boolean concerns(PodmanEvent e) {
        return e.isPod() ? e.name().equals(podName) : e.isContainer() && containers.containsKey(e.name());
    }

    /** Takes one event of this pod in; true when the status changed so that a snapshot is due. */
    boolean apply(PodmanEvent e) {
        recorded |= concerns(e);
        if (e.isPod() && e.name().equals(podName) && e.status().equals("remove")) {
            gone = true;
            return false;
        }
        Record r = e.isContainer() ? containers.get(e.name()) : null;
        if (r == null) {
            return false;
        }
        switch (e.status()) {
            case "create" -> {
                r.created = true;
                return containers.values().stream().allMatch(c -> c.created);
            }
            case "restart" -> r.restarting = true;
            case "start" -> {
                r.created = true;
                if (r.restarting) {
                    r.restarting = false;
                    r.restarts++;
                    r.last = r.state instanceof ContainerState.Terminated ? r.state : r.last;
                }
                r.startedAt = e.epochMillis();
                r.state = new ContainerState.Running(apiSecond(r.startedAt));
                return true;
            }
            case "died" -> {
                r.state = new ContainerState.Terminated(e.exitCode(), reason(e), "", apiSecond(r.startedAt),
                        apiSecond(e.epochMillis()));
                return true;
            }
            default -> { } // init, cleanup, stop, remove, exec...: no change of state
        }
        return false;
    }

    /**
     * A time as the Kubernetes API shows it: cut to its second. The shared reconstruction matches
     * such times with the containers' exact report lines (a start or exit line lies in the second
     * the API shows, or just after it) and infers a SIGKILL's moment from them; podman's exact
     * time would come a few ms after the exit line it matches. The sighting keeps the exact time.
     */
    static long apiSecond(long epochMillis) {
        return Math.floorDiv(epochMillis, 1000) * 1000;
    }

    private String reason(PodmanEvent died) {
        if (died.exitCode() == 137 && oomKilled.test(died.name())) {
            return OOM_KILLED;
        }
        return died.exitCode() == 0 ? "Completed" : "Error";
    }

    /** Whether podman has removed the pod. */
    boolean gone() {
        return gone;
    }

    /** Whether podman has recorded anything of this pod yet. */
    boolean recorded() {
        return recorded;
    }

    /** Whether any container of the pod has started. */
    boolean started() {
        return containers.values().stream().anyMatch(r -> r.startedAt != 0);
    }

    /** The pod as podman has recorded it: statuses of the containers it made, nothing podman does not keep. */
    PodSnapshot snapshot() {
        List<ContainerStatus> init = new ArrayList<>();
        List<ContainerStatus> regular = new ArrayList<>();
        for (Record r : containers.values()) {
            if (r.created) {
                (r.init ? init : regular).add(status(r));
            }
        }
        return new PodSnapshot(null, "", "", List.of(), init, regular, "", null);
    }

    private static ContainerStatus status(Record r) {
        boolean running = r.state instanceof ContainerState.Running;
        boolean started;
        boolean ready;
        if (r.regularInit) {
            started = running;
            ready = r.state instanceof ContainerState.Terminated t && t.exitCode() == 0;
        } else {
            started = running && r.spec.probe(ProbeKind.startup) == null;
            ready = started && r.spec.probe(ProbeKind.readiness) == null;
        }
        return new ContainerStatus(r.spec.name(), r.state, r.last, r.restarts, ready, started);
    }
}
