package dev.podcheck.adapters.kubernetes;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where podcheck looks for a cluster when the command line names no kubeconfig: the KUBECONFIG
 * variable, the home folder's .kube/config, then the service account a pod is given (with the
 * KUBERNETES_SERVICE_HOST and _PORT variables). Nothing else of the environment is read.
 *
 * @param serviceAccount the folder of the pod's service account token, ca.crt and namespace
 */
record ClusterEnvironment(Map<String, String> env, Path home, Path serviceAccount) {
    static final ClusterEnvironment SYSTEM = new ClusterEnvironment(System.getenv(),
            Path.of(System.getProperty("user.home")), Path.of("/var/run/secrets/kubernetes.io/serviceaccount"));

    ClusterEnvironment {
        env = Map.copyOf(env);
    }
}
