package dev.podcheck.adapters.podman;

import dev.podcheck.adapters.TrialNames;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.scenario.Scenario;
import java.time.Duration;
import java.util.List;

/** {@code --target podman}: scenarios as rendered pods played by podman on this machine, watched through its events log. */
public final class PodmanTargetProvider implements TargetProvider {
    /** The run label's value on a pod rendered for a user, so that 'podcheck clean' finds one played by hand. */
    static final String RENDER_RUN = "render";
    final PodmanOptions options = new PodmanOptions();

    @Override
    public String name() {
        return "podman";
    }

    @Override
    public String description() {
        return "podman kube play on this machine (no network, a local busybox image), one labelled pod per trial";
    }

    @Override
    public List<TargetOption> options() {
        return options.describe();
    }

    @Override
    public Target open() throws TargetException {
        StateDir state = options.state().prepare();
        Podman podman = podman(state);
        podman.version();
        String image = options.image != null ? options.image : BusyboxImage.ensure(podman, state, BusyboxImage.BUSYBOX);
        String runId = TrialNames.runId();
        return new PodmanTarget(PodmanRun.of(podman, state, image, runId, options.trialTimeout),
                RunLock.hold(state, runId));
    }

    /**
     * Removes the labelled pods of every run that is not running. A pod names its run's state
     * folder (its {@link PodmanManifest#STATE_LABEL}, looked up in {@link StateDir#INDEX}), and a run
     * that holds its {@link RunLock} there is left alone, whichever state folder it uses; a pod whose
     * state folder this machine does not know is kept too, since whether its run lives cannot be
     * told. A pod without the state label (an older podcheck's) is judged by this state folder.
     */
    @Override
    public List<String> clean() throws TargetException {
        StateDir state = options.state().prepare();
        Podman podman = podman(state);
        podman.version();
        return LabelledPods.remove(podman, null, (runId, stateId) -> {
            if (stateId.isEmpty() || stateId.equals(state.id())) {
                return !RunLock.held(state, runId);
            }
            return StateDir.known(stateId).map(other -> !RunLock.held(other, runId)).orElse(false);
        });
    }

    /**
     * The pod as podman would get it, with rendering's notes as comments: named as the scenario's
     * pod, its reports in the state folder's trial folder of that name, labelled so that
     * 'podcheck clean --target podman' removes it when played by hand.
     */
    @Override
    public String render(Scenario defaulted) throws TargetException {
        StateDir state = options.state();
        String image = options.image != null ? options.image : BusyboxImage.tag(state, BusyboxImage.BUSYBOX);
        String name = defaulted.pod().metadata().name();
        return PodmanManifest.withNotes(PodmanManifest.render(defaulted, image, state, name, RENDER_RUN));
    }

    /**
     * No node pressure: podman cannot put this machine under memory pressure on cue. No sidecars:
     * podman 4.3 refuses an init container with a probe or a hook ("cannot create an init container
     * that has either of lifecycle, livenessProbe, readinessProbe, or startupProbe set"), and kube
     * play waits for each init container to exit, so behind a sidecar no regular container ever
     * starts: every trial with one would be inconclusive, or show that same deviation again. No
     * finalizers, gate patches, termination messages, image pulls, kubelet restarts or sandbox losses (render.UnsupportedFeatures says why).
     */
    @Override
    public Size size(Size asked) {
        return asked.withNodePressure(false).withStartDelays(false).withContainers(asked.maxContainers(), asked.maxInitContainers(), 0)
                .withApiPatches(false).withTerminationMessages(false).withImagePulls(false)
                .withNodeDisruptions(false);
    }

    /** Long enough for restarts and a graceful deletion; every second of it is wall time. */
    @Override
    public Duration defaultHorizon() {
        return Duration.ofSeconds(60);
    }

    /**
     * Pods mostly wait on wall time; what parallel trials cost is podman's CPU while pods start
     * ({@link PodmanRun#STARTS} at a time). Measured on 2 cores (16 trials, 20 s horizons): 2 at
     * once ran 5 trials a minute, 4 ran 10, 8 ran 19 with every pod's first container started
     * within 1 s of its creation; 16 ran 37 before that gate, but started pods up to 3.6 s late,
     * which then differed from the reference on timing alone.
     */
    @Override
    public int defaultParallelism() {
        return 8;
    }

    /** Each rerun costs a real pod and up to a horizon of wall time. */
    @Override
    public int shrinkAttempts() {
        return 10;
    }

    private Podman podman(StateDir state) {
        return new Podman(options.podman, state.containersConf(), state.scratch());
    }
}
