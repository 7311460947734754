package dev.podcheck.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.function.Function;

/**
 * A kubelet with no sense of time: as soon as a pod appears it writes the one status
 * {@code status} gives it, and removes the pod when told to. The instant kubelet of the
 * throughput measure, and the pod that cannot run of the inconclusive-trial tests.
 */
final class ScriptedKubelet implements AutoCloseable {
    private final Watch watch;

    /**
     * @param status the status to write for a new pod
     * @param remove whether to remove the pod right after, as a finished pod whose trial has nothing left to see
     */
    ScriptedKubelet(KubernetesClient client, String namespace, Function<Pod, PodStatus> status, boolean remove) {
        watch = client.pods().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action != Action.ADDED) {
                    return;
                }
                String name = pod.getMetadata().getName();
                client.pods().inNamespace(namespace).withName(name).edit(p -> {
                    p.setStatus(status.apply(p));
                    return p;
                });
                if (remove) {
                    client.pods().inNamespace(namespace).withName(name).delete();
                }
            }

            @Override
            public void onClose(WatcherException cause) {}
        });
    }

    @Override
    public void close() {
        watch.close();
    }
}
