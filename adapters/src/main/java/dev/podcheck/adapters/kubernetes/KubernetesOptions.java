package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.render.RenderOptions;
import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.spec.behaviour.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The options of {@code --target kubernetes}, added by the command line to the verbs that take a
 * target. TLS verification is off only with the flag whose name says so; a kubeconfig or the
 * environment cannot switch it off.
 */
final class KubernetesOptions {
    Path kubeconfig;
    String context;
    boolean insecureSkipTlsVerify;
    String namespacePrefix;
    String image;
    String allowNamespace;
    String bindRunRole;
    String bindServiceAccount;
    Duration trialTimeout;
    /** null for the engine's default profile, auto, or 1.N. */
    String kubernetesVersion;

    /** Each option with what it sets; the command line applies the defaults of those not given. */
    List<TargetOption> describe() {
        return List.of(
                TargetOption.valued("--kubeconfig", "FILE", null,
                        "The kubeconfig to use (default: KUBECONFIG, ~/.kube/config, else the in-cluster service account).",
                        v -> kubeconfig = Path.of(v)).onlyFor(TargetOption.Use.RUN, TargetOption.Use.CLEAN),
                TargetOption.valued("--context", "NAME", null, "The kubeconfig context (default: its current context).",
                        v -> context = v).onlyFor(TargetOption.Use.RUN, TargetOption.Use.CLEAN),
                TargetOption.flag("--insecure-skip-tls-verify",
                        "INSECURE: do not verify the API server's certificate (also what a kubeconfig's"
                                + " insecure-skip-tls-verify needs); every run that uses it warns.",
                        v -> insecureSkipTlsVerify = v).onlyFor(TargetOption.Use.RUN, TargetOption.Use.CLEAN),
                TargetOption.valued("--namespace-prefix", "PREFIX", "podcheck",
                        "Each run creates, labels and finally deletes the namespace PREFIX-<run id> (default: ${DEFAULT-VALUE}).",
                        v -> namespacePrefix = v).onlyFor(TargetOption.Use.RUN),
                TargetOption.valued("--image", "IMAGE", RenderOptions.DEFAULT_IMAGE,
                        "The busybox-compatible image every rendered container runs (default: ${DEFAULT-VALUE}).",
                        v -> image = v).onlyFor(TargetOption.Use.RUN, TargetOption.Use.RENDER),
                TargetOption.valued("--allow-namespace", "NAME", null,
                        "Run in this existing namespace instead of creating one, even default, kube-system or one"
                                + " without podcheck's label; podcheck then deletes only its own labelled pods there, never the namespace.",
                        v -> allowNamespace = v).onlyFor(TargetOption.Use.RUN, TargetOption.Use.CLEAN),
                TargetOption.valued("--bind-run-role", "CLUSTERROLE", null,
                        "After creating a run namespace, bind this ClusterRole in it to --bind-serviceaccount"
                                + " (deploy/rbac-cluster.yaml: podcheck's pod rights then exist only in its run namespaces).",
                        v -> bindRunRole = v).onlyFor(TargetOption.Use.RUN),
                TargetOption.valued("--bind-serviceaccount", "NAMESPACE:NAME", null,
                        "The service account --bind-run-role binds (podcheck's own, e.g. podcheck:podcheck).",
                        v -> bindServiceAccount = v).onlyFor(TargetOption.Use.RUN),
                TargetOption.valued("--trial-timeout", "DURATION", "60s",
                        "How long a pod may wait for a node before its trial is inconclusive; an unschedulable pod"
                                + " or an image that cannot be pulled is inconclusive at once; also the deadline of every API call"
                                + " (default: ${DEFAULT-VALUE}).",
                        v -> trialTimeout = Durations.parsePositive(v)).onlyFor(TargetOption.Use.RUN, TargetOption.Use.CLEAN),
                TargetOption.valued("--kubernetes-version", "1.N|auto", null,
                        "The Kubernetes release whose kubelet the reference engine plays when predicting for this cluster:"
                                + " one the engine models, or auto for the one the cluster reports (default: the engine's"
                                + " default profile; a cluster on another release is told).",
                        v -> kubernetesVersion = ServerVersion.checked(v)).onlyFor(TargetOption.Use.RUN));
    }

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
