package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One kubeconfig file, read once, and the client configuration of one of its contexts: that
 * context's cluster, user and namespace, and nothing else. Fabric8 is handed a kubeconfig reduced to
 * that one context and an empty configuration to fill, so neither another context's credentials nor
 * Fabric8's environment overrides (KUBERNETES_MASTER, KUBERNETES_AUTH_TOKEN,
 * KUBERNETES_TRUST_CERTIFICATES, ...) can reach the request. Its own auto-configuration re-reads
 * the current context and overlays only non-empty fields, which sent one context's token to
 * another's server.
 */
final class Kubeconfig {
    private final Path file;
    private final io.fabric8.kubernetes.api.model.Config model;

    private Kubeconfig(Path file, io.fabric8.kubernetes.api.model.Config model) {
        this.file = file;
        this.model = model;
    }

    /** Reads {@code file}; anything podcheck cannot use is one line naming it. */
    static Kubeconfig read(Path file) throws TargetException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new TargetException("cannot read the kubeconfig " + file + ": " + ClusterConnection.firstLine(e), e);
        }
        if (text.isBlank()) {
            throw new TargetException(file + " is empty", null);
        }
        io.fabric8.kubernetes.api.model.Config model;
        try {
            model = KubeConfigUtils.parseConfig(file.toFile());
        } catch (RuntimeException e) {
            throw new TargetException(file + " is not a kubeconfig: " + ClusterConnection.firstLine(e), e);
        }
        if (model == null) {
            throw new TargetException(file + " is empty", null);
        }
        return new Kubeconfig(file, model);
    }

    /**
     * The configuration of {@code context} (null: the current-context), TLS verified unless
     * {@code insecure}; a cluster that asks to skip verification is refused without it.
     */
    Config configFor(String context, boolean insecure) throws TargetException {
        String name = context != null ? context : model.getCurrentContext();
        if (name == null || name.isBlank()) {
            throw new TargetException(file + " sets no current-context: name one with --context", null);
        }
        NamedContext chosen = named(model.getContexts(), NamedContext::getName, name)
                .orElseThrow(() -> new TargetException(file + " has no context named \"" + name + "\"", null));
        if (chosen.getContext() == null) {
            throw new TargetException(file + ": context \"" + name + "\" is empty", null);
        }
        String clusterName = chosen.getContext().getCluster();
        NamedCluster cluster = named(model.getClusters(), NamedCluster::getName, clusterName)
                .filter(c -> c.getCluster() != null)
                .orElseThrow(() -> new TargetException(file + ": context \"" + name + "\" names cluster \"" + clusterName
                        + "\", which the file does not define", null));
        String userName = chosen.getContext().getUser();
        Optional<NamedAuthInfo> user = named(model.getUsers(), NamedAuthInfo::getName, userName);
        if (userName != null && user.isEmpty()) {
            throw new TargetException(file + ": context \"" + name + "\" names user \"" + userName
                    + "\", which the file does not define", null);
        }
        String server = cluster.getCluster().getServer();
        if (server == null || server.isBlank()) {
            throw new TargetException(file + ": cluster \"" + clusterName + "\" names no server", null);
        }
        if (Boolean.TRUE.equals(cluster.getCluster().getInsecureSkipTlsVerify()) && !insecure) {
            throw new TargetException(file + ": cluster \"" + clusterName + "\" (context \"" + name + "\") sets"
                    + " insecure-skip-tls-verify; podcheck verifies TLS unless run with --insecure-skip-tls-verify", null);
        }
        io.fabric8.kubernetes.api.model.Config only = new io.fabric8.kubernetes.api.model.ConfigBuilder()
                .withApiVersion("v1").withKind("Config").withCurrentContext(name).withContexts(chosen)
                .withClusters(cluster).withUsers(user.map(List::of).orElse(List.of())).build();
        Config config = Config.empty();
        try {
            KubeConfigUtils.merge(config, name, only);
        } catch (RuntimeException e) {
            throw new TargetException(file + ": context \"" + name + "\" cannot be used: "
                    + ClusterConnection.firstLine(e), e);
        }
        config.setTrustCerts(insecure);
        config.setDisableHostnameVerification(insecure);
        return config;
    }

    private static <T> Optional<T> named(List<T> items, java.util.function.Function<T, String> nameOf, String name) {
        return items == null || name == null ? Optional.empty()
                : items.stream().filter(i -> name.equals(nameOf.apply(i))).findFirst();
    }
}
