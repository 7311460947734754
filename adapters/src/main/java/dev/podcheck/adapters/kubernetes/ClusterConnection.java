package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Fabric8 client for the cluster the user chose, found as kubectl finds it (--kubeconfig, else
 * KUBECONFIG, else ~/.kube/config, else the pod's service account), with the chosen context's
 * cluster, user and namespace only ({@link Kubeconfig}). Fabric8's own discovery is never run: it
 * also reads KUBERNETES_MASTER, KUBERNETES_AUTH_TOKEN, KUBERNETES_TRUST_CERTIFICATES and their
 * system properties, which could send the credentials elsewhere or switch verification off.
 * TLS is verified unless the user says --insecure-skip-tls-verify, and then every run warns.
 */
final class ClusterConnection {
    private ClusterConnection() {}

    /** A client for the chosen cluster; anything in the way is a one-line TargetException. */
    static KubernetesClient open(ClusterChoice choice, ClusterEnvironment where, Consumer<String> warnings)
            throws TargetException {
        return client(config(choice, where, warnings));
    }

    /**
     * A client on {@code config} as the target needs it: the JDK's HTTP client, and no Fabric8
     * request retries ({@link ApiRetry} does them, 429 included). Watches keep Fabric8's
     * reconnection, which resumes from the last resourceVersion seen. {@code config} must not be
     * auto-configured: the builder would run Fabric8's discovery again.
     */
    static KubernetesClient client(Config config) {
        if (Boolean.TRUE.equals(config.getAutoConfigure())) {
            throw new IllegalArgumentException("an auto-configured Fabric8 Config re-reads the current context");
        }
        Config ours = new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(ours).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    static Config config(ClusterChoice choice, ClusterEnvironment where, Consumer<String> warnings)
            throws TargetException {
        Path file = kubeconfig(choice.kubeconfig(), where);
        Config config;
        String what;
        if (file != null) {
            Kubeconfig kubeconfig = Kubeconfig.read(file);
            config = kubeconfig.configFor(choice.context(), choice.insecureSkipTlsVerify());
            what = "context \"" + config.getCurrentContext().getName() + "\"";
        } else if (where.env().get("KUBERNETES_SERVICE_HOST") != null) {
            if (choice.context() != null) {
                throw new TargetException("--context " + choice.context() + " needs a kubeconfig, and there is none"
                        + " (--kubeconfig, KUBECONFIG, ~/.kube/config)", null);
            }
            config = inCluster(where, choice.insecureSkipTlsVerify());
            what = "the pod's service account";
        } else {
            throw new TargetException("no cluster configured: no kubeconfig (--kubeconfig, KUBECONFIG, ~/.kube/config)"
                    + " and not running inside a cluster", null);
        }
        if (choice.insecureSkipTlsVerify()) {
            warnings.accept("WARNING: --insecure-skip-tls-verify: TLS verification is off for " + config.getMasterUrl()
                    + " (" + what + "): anyone on the way can read the credentials and answer as the cluster");
        }
        return config;
    }

    /** The kubeconfig to read, or null when there is none (then only the in-cluster account is left). */
    private static Path kubeconfig(Path flag, ClusterEnvironment where) throws TargetException {
        if (flag != null) {
            if (!Files.isRegularFile(flag) || !Files.isReadable(flag)) {
                throw new TargetException("cannot read the kubeconfig " + flag + ": no such readable file", null);
            }
            return flag;
        }
        String variable = where.env().getOrDefault("KUBECONFIG", "");
        List<String> named = Arrays.stream(variable.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
        if (named.size() > 1) {
            // kubectl merges them, first file winning field by field: one context could then take its
            // user from another file. podcheck reads one file, whole.
            throw new TargetException("KUBECONFIG names " + named.size() + " files (" + variable + "); podcheck reads"
                    + " one kubeconfig: name it with --kubeconfig", null);
        }
        if (named.size() == 1) {
            Path file = Path.of(named.get(0));
            if (!Files.isRegularFile(file)) {
                throw new TargetException("cannot read the kubeconfig " + file + " (KUBECONFIG): no such file", null);
            }
            return file;
        }
        Path home = where.home().resolve(".kube").resolve("config");
        return Files.isRegularFile(home) ? home : null;
    }

    /**
     * The pod's own service account: the apiserver at KUBERNETES_SERVICE_HOST:PORT, verified with the
     * account's ca.crt, its token read anew for every request (the kubelet rotates it).
     */
    private static Config inCluster(ClusterEnvironment where, boolean insecure) throws TargetException {
        Path token = where.serviceAccount().resolve("token");
        Path ca = where.serviceAccount().resolve("ca.crt");
        if (!Files.isReadable(token) || (!insecure && !Files.isReadable(ca))) {
            throw new TargetException("running inside a cluster, but the service account in " + where.serviceAccount()
                    + " has no " + (Files.isReadable(token) ? "ca.crt" : "token"), null);
        }
        String host = where.env().get("KUBERNETES_SERVICE_HOST");
        String port = where.env().getOrDefault("KUBERNETES_SERVICE_PORT", "443");
        Path namespaceFile = where.serviceAccount().resolve("namespace");
        String namespace = null;
        try {
            namespace = Files.isReadable(namespaceFile) ? Files.readString(namespaceFile).trim() : null;
        } catch (IOException e) {
            // No namespace file: the run namespace is podcheck's own anyway.
        }
        OAuthTokenProvider tokens = () -> {
            try {
                return Files.readString(token).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the service account token " + token, e);
            }
        };
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                .withCaCertFile(insecure ? null : ca.toString()).withNamespace(namespace)
                .withOauthTokenProvider(tokens).withTrustCerts(insecure).withDisableHostnameVerification(insecure)
                .build();
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
