package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The podman target's own folder: its containers.conf, podman's events log, one folder per trial
 * (mounted into the pod as its report volume), the busybox image's build and scratch files. Runs
 * may share it: nothing in it belongs to one run but the trial folders, which are named after
 * their pods, and pod names are unique on a machine.
 *
 * <p>The private containers.conf (read through CONTAINERS_CONF, the machine's own is never
 * changed) sets what podman needs here and what the target reads:
 * <ul>
 *   <li>default_ulimits: a sandbox's hard nofile limit may be as low as 20000, under podman's
 *       default of 1048576, and then no container starts ("error setting rlimit");</li>
 *   <li>runtime runc: crun refuses a hybrid cgroup layout that runc accepts;</li>
 *   <li>events to a file of our own, not journald: the target reads podman's record of every
 *       container start and death there, with exact times and exit codes;</li>
 *   <li>no rotation by podman (events_logfile_max_size 0): past its default 1m podman rewrites
 *       the log to its second half every few hundred pods, under the trials reading it
 *       ({@link EventsTail} copes, at the cost of a search); the run sets a long log aside
 *       instead, between runs.</li>
 * </ul>
 */
record StateDir(Path root) {
    /** An events log longer than this is set aside when a run opens, so that it does not grow for ever. */
    static final long EVENTS_LOG_LIMIT = 64L << 20;

    /**
     * Where each state folder on this machine is recorded under its {@link #id()}: pods carry the id
     * (a label value cannot hold a path), and 'podcheck clean' finds a run's lock through it, in
     * whichever state folder the run used.
     */
    static final Path INDEX = Path.of(System.getProperty("java.io.tmpdir"), "podcheck-podman-states");

    StateDir {
        root = root.toAbsolutePath().normalize();
    }

    /** A short, label-safe name of this folder: the first 16 hex digits of the SHA-256 of its path. */
    String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(root.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The state folder recorded under {@code id} on this machine, if any. */
    static Optional<StateDir> known(String id) {
        Path entry = INDEX.resolve(id);
        try {
            return id.matches("[0-9a-f]{16}") && Files.isRegularFile(entry)
                    ? Optional.of(new StateDir(Path.of(Files.readString(entry).strip()))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path containersConf() {
        return root.resolve("containers.conf");
    }

    Path eventsLog() {
        return root.resolve("events.log");
    }

    /** Output files of running podman calls. */
    Path scratch() {
        return root.resolve("tmp");
    }

    /** Where the image is built, and the lock that lets one process build it. */
    Path imageDir() {
        return root.resolve("image");
    }

    /** The trial's report folder: the pod's hostPath volume, fresh for every trial. */
    Path trialDir(String podName) {
        return inTrials(podName);
    }

    /** Held by a run while it is open (see {@link RunLock}). */
    Path runLock(String runId) {
        return root.resolve("runs").resolve(runId + ".lock");
    }

    /** The manifest the trial hands to podman, beside (not inside) the folder the pod mounts. */
    Path manifest(String podName) {
        return inTrials(podName + ".yaml");
    }

    /** A trial's file: its name comes from the scenario, so it is checked to stay in the trials folder. */
    private Path inTrials(String name) {
        Path trials = root.resolve("trials");
        Path file = trials.resolve(name).normalize();
        if (!file.getParent().equals(trials.normalize())) {
            throw new IllegalArgumentException("a trial file name must name a file in " + trials + ", got " + name);
        }
        return file;
    }

    /** Makes the folders and writes the configuration; sets a long events log aside. */
    StateDir prepare() throws TargetException {
        try {
            Files.createDirectories(root.resolve("trials"));
            Files.createDirectories(scratch());
            Files.writeString(containersConf(), containersConf(eventsLog()));
            Files.createDirectories(INDEX);
            Files.writeString(INDEX.resolve(id()), root.toString());
            if (Files.exists(eventsLog()) && Files.size(eventsLog()) > EVENTS_LOG_LIMIT) {
                // A trial that still reads the old file (another run's) sees it shrink and starts over.
                Files.move(eventsLog(), root.resolve("events.log.old"), StandardCopyOption.REPLACE_EXISTING);
            }
            return this;
        } catch (IOException e) {
            throw new TargetException("cannot prepare the podman state folder " + root + ": " + e.getMessage()
                    + " (choose another with --state-dir)", e);
        }
    }

    /** The private containers.conf (TOML), with podman's events going to {@code eventsLog}. */
    static String containersConf(Path eventsLog) {
        return """
                # Written by podcheck's podman target and read by its podman calls through CONTAINERS_CONF.
                [containers]
                default_ulimits = ["nofile=20000:20000", "nproc=20000:20000"]

                [engine]
                runtime = "runc"
                events_logger = "file"
                events_logfile_path = "%s"
                events_logfile_max_size = "0"
                """.formatted(tomlEscape(eventsLog.toString()));
    }

    private static String tomlEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
