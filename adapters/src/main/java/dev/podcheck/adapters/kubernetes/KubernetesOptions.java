package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.render.RenderOptions;
import dev.podcheck.conformance.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of {@code --target kubernetes}, added by the command line to the verbs that take a
 * target. TLS verification is off only with the flag whose name says so; a kubeconfig or the
 * environment cannot switch it off.
 */
final class KubernetesOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig to use (default: KUBECONFIG, ~/.kube/config, else the in-cluster service account).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context (default: its current context).")
    String context;

    @Option(names = "--insecure-skip-tls-verify",
            description = "INSECURE: do not verify the API server's certificate (also what a kubeconfig's"
                    + " insecure-skip-tls-verify needs); every run that uses it warns.")
    boolean insecureSkipTlsVerify;

    @Option(names = "--namespace-prefix", paramLabel = "PREFIX", defaultValue = "podcheck",
            description = "Each run creates, labels and finally deletes the namespace PREFIX-<run id> (default: ${DEFAULT-VALUE}).")
    String namespacePrefix;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = RenderOptions.DEFAULT_IMAGE,
            description = "The busybox-compatible image every rendered container runs (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--allow-namespace", paramLabel = "NAME",
            description = "Run in this existing namespace instead of creating one, even default, kube-system or one"
                    + " without podcheck's label; podcheck then deletes only its own labelled pods there, never the namespace.")
    String allowNamespace;

    @Option(names = "--bind-run-role", paramLabel = "CLUSTERROLE",
            description = "After creating a run namespace, bind this ClusterRole in it to --bind-serviceaccount"
                    + " (deploy/rbac-cluster.yaml: podcheck's pod rights then exist only in its run namespaces).")
    String bindRunRole;

    @Option(names = "--bind-serviceaccount", paramLabel = "NAMESPACE:NAME",
            description = "The service account --bind-run-role binds (podcheck's own, e.g. podcheck:podcheck).")
    String bindServiceAccount;

    @Option(names = "--trial-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long a pod may wait for a node before its trial is inconclusive; an unschedulable pod"
                    + " or an image that cannot be pulled is inconclusive at once; also the deadline of every API call"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration trialTimeout;

    /**
     * How long one API call may take, a watch's start and a body's reading included: the trial
     * timeout, since a call that takes longer would make the trial inconclusive anyway.
     */
    Duration callDeadline() {
        return trialTimeout;
    }

    /** The cluster as chosen on the command line. */
    ClusterChoice choice() {
        return new ClusterChoice(kubeconfig, context, insecureSkipTlsVerify);
    }
}
