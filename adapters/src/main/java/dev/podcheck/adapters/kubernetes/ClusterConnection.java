package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Fabric8 client for the cluster the options name: a kubeconfig file and context, else the
 * usual discovery (KUBECONFIG, ~/.kube/config, then the in-cluster service account). TLS
 * verification is whatever the kubeconfig says; podcheck offers no switch to turn it off.
 */
final class ClusterConnection {
    private ClusterConnection() {}

    /** A client for the configured cluster; a bad or missing kubeconfig is a one-line TargetException. */
    static KubernetesClient open(Path kubeconfig, String context) throws TargetException {
        return client(config(kubeconfig, context));
    }

    /**
     * A client on {@code config} as the target needs it: the JDK's HTTP client, and no Fabric8
     * request retries ({@link ApiRetry} does them, 429 included). Watches keep Fabric8's
     * reconnection, which resumes from the last resourceVersion seen.
     */
    static KubernetesClient client(Config config) {
        Config ours = new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(ours).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    static Config config(Path kubeconfig, String context) throws TargetException {
        try {
            if (kubeconfig != null) {
                if (!Files.isReadable(kubeconfig)) {
                    throw new TargetException("cannot read the kubeconfig " + kubeconfig + ": no such readable file", null);
                }
                return checked(Config.fromKubeconfig(context, kubeconfig.toFile()), context, kubeconfig.toString());
            }
            if (!anyKubeconfig() && System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                throw new TargetException("no cluster configured: no kubeconfig (--kubeconfig, KUBECONFIG, ~/.kube/config)"
                        + " and not running inside a cluster", null);
            }
            return checked(Config.autoConfigure(context), context, "the kubeconfig");
        } catch (KubernetesClientException e) {
            throw new TargetException("cannot load " + (kubeconfig == null ? "the kubeconfig" : "the kubeconfig " + kubeconfig)
                    + ": " + firstLine(e), e);
        }
    }

    private static Config checked(Config config, String context, String source) throws TargetException {
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            throw new TargetException("no context named \"" + context + "\" in " + source, null);
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new TargetException(source + " names no cluster server", null);
        }
        return config;
    }

    private static boolean anyKubeconfig() {
        return Config.getKubeconfigFilenames().stream().map(File::new).anyMatch(File::isFile);
    }

    private static String firstLine(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
