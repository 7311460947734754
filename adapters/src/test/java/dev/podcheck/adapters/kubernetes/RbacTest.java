package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Target;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * deploy/rbac.yaml (namespace-scoped) and deploy/rbac-cluster.yaml (the cluster-scoped option),
 * each applied to the Fabric8 mock, against every request a run of one trial and a 'clean' make as
 * the service account podcheck/podcheck: each request is allowed by a bound rule, no pod request
 * leaves podcheck's namespaces, and every verb granted is one podcheck uses (the mock does not
 * enforce RBAC: the test plays the authorizer).
 */
class RbacTest {
    /** The token the target's kubeconfig carries: how its requests are told from the test's and the kubelet's. */
    private static final String TOKEN = "podcheck-service-account";
    private static final Path DEPLOY = Path.of(System.getProperty("user.dir")).getParent().resolve("deploy");

    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        cluster.close();
    }

    private List<HasMetadata> apply(String file) throws IOException {
        List<HasMetadata> objects;
        try (InputStream in = Files.newInputStream(DEPLOY.resolve(file))) {
            objects = client.load(in).items();
        }
        for (HasMetadata o : objects) {
            client.resource(o).create();
        }
        return objects;
    }

    /** One trial of a job and a 'clean', with the target's own options; the requests the target made. */
    private List<RecordedRequest> runAndClean(String namespaceOfPods, String... options) throws Exception {
        drain();
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s"}}]
                users: [{name: podcheck, user: {token: %s}}]
                contexts: [{name: mock, context: {cluster: mock, user: podcheck}}]
                current-context: mock
                """.formatted(client.getConfiguration().getMasterUrl(), TOKEN));
        List<String> args = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString(), "--trial-timeout", "10s"));
        args.addAll(List.of(options));
        KubernetesTargetProvider provider = new KubernetesTargetProvider();
        provider.leaseRenewal = Duration.ofMillis(200);
        new CommandLine(provider.options()).parseArgs(args.toArray(String[]::new));
        try (Target target = provider.open()) {
            String namespace = namespaceOfPods != null ? namespaceOfPods : ((KubernetesTarget) target).namespace();
            try (ScriptedKubelet kubelet = new ScriptedKubelet(client, namespace, KubernetesTargetTest::succeeded, false)) {
                target.run(KubernetesTargetTest.job("web"), Duration.ofSeconds(2));
            }
        }
        provider.clean();
        return drain().stream().filter(r -> ("Bearer " + TOKEN).equals(r.getHeader("Authorization"))).toList();
    }

    private List<RecordedRequest> drain() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (RecordedRequest r; (r = cluster.server().takeRequest(200, TimeUnit.MILLISECONDS)) != null; ) {
            all.add(r);
        }
        return all;
    }

    /**
     * The resource requests. GET /version (the release check of a run) is not podcheck's roles' to grant: every user
     * may read it through the default ClusterRole system:public-info-viewer (rbac bootstrappolicy/policy.go).
     */
    private static List<ApiAccess> accesses(List<RecordedRequest> requests) {
        return requests.stream().filter(r -> !("GET".equals(r.getMethod()) && "/version".equals(r.getPath())))
                .map(r -> ApiAccess.of(r.getMethod(), r.getPath())).toList();
    }

    /**
     * RoleBindings podcheck itself made during the run (the cluster-scoped option binds its role in
     * each run namespace); the mock keeps them after the namespace is gone.
     */
    private List<HasMetadata> bindingsMadeByPodcheck() {
        return client.rbac().roleBindings().inAnyNamespace().withLabel("podcheck.dev/run").list().getItems().stream()
                .map(HasMetadata.class::cast).toList();
    }

    /** What a run killed hard leaves with the cluster option: its namespace, its binding, its lease run out. */
    private void killedRun(String namespace, String runId) {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(namespace).withLabels(java.util.Map.of("podcheck.dev/run", runId)).endMetadata().build()).create();
        client.rbac().roleBindings().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.rbac
                .RoleBindingBuilder().withNewMetadata().withName("podcheck-run").withNamespace(namespace)
                .withLabels(java.util.Map.of("podcheck.dev/run", runId)).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "podcheck-run").addNewSubject()
                .withKind("ServiceAccount").withNamespace("podcheck").withName("podcheck").endSubject().build()).create();
        client.leases().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.coordination.v1
                .LeaseBuilder().withNewMetadata().withName(RunLease.name(runId))
                .withLabels(java.util.Map.of("podcheck.dev/run", runId)).endMetadata().withNewSpec()
                .withHolderIdentity(runId).withLeaseDurationSeconds(60)
                .withRenewTime(RunLease.at(java.time.Instant.now().minusSeconds(600))).endSpec().build()).create();
    }

    private static void assertAllowedAndExact(List<ApiAccess> used, List<ApiAccess.Grant> grants, Set<String> notRequests) {
        List<ApiAccess> refused = used.stream().filter(a -> grants.stream().noneMatch(g -> g.allows(a))).toList();
        assertThat(refused).as("requests the roles do not allow").isEmpty();
        Set<String> granted = grants.stream().flatMap(g -> g.grants().stream()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> usedGrants = used.stream().map(ApiAccess::grant).collect(Collectors.toCollection(TreeSet::new));
        usedGrants.addAll(notRequests);
        assertThat(granted).as("verbs granted = verbs used").isEqualTo(usedGrants);
    }

    @Test
    void should_run_and_clean_in_the_sandbox_with_the_namespaced_roles_alone() throws Exception {
        List<HasMetadata> objects = apply("rbac.yaml");
        List<ApiAccess.Grant> grants = ApiAccess.grants(objects, "podcheck", "podcheck");
        assertThat(grants).allSatisfy(g -> assertThat(g.namespace()).as("namespace-scoped").isEqualTo("podcheck-sandbox"));

        List<ApiAccess> used = accesses(runAndClean("podcheck-sandbox", "--allow-namespace", "podcheck-sandbox"));

        assertThat(used).extracting(ApiAccess::namespace).containsOnly("podcheck-sandbox");
        assertAllowedAndExact(used, grants, Set.of());
    }

    @Test
    void should_run_and_clean_with_the_cluster_option_and_pod_rights_only_in_run_namespaces() throws Exception {
        List<HasMetadata> objects = new ArrayList<>(apply("rbac-cluster.yaml"));
        killedRun("podcheck-killed", "killed");

        List<RecordedRequest> requests = runAndClean(null, "--bind-run-role", "podcheck-run",
                "--bind-serviceaccount", "podcheck:podcheck");
        List<ApiAccess> used = accesses(requests);
        objects.addAll(bindingsMadeByPodcheck());
        List<ApiAccess.Grant> grants = ApiAccess.grants(objects, "podcheck", "podcheck");

        assertThat(grants).filteredOn(g -> g.rule().getResources().contains("pods"))
                .allSatisfy(g -> assertThat(g.namespace()).as("pod rights only in a run namespace").startsWith("podcheck-"));
        assertThat(used).filteredOn(a -> a.resource().startsWith("pods"))
                .allSatisfy(a -> assertThat(a.namespace()).startsWith("podcheck-"));
        // 'bind' is checked by the apiserver when podcheck creates its RoleBinding; it is no request of its own.
        assertAllowedAndExact(used, grants, Set.of("bind rbac.authorization.k8s.io/clusterroles"));
    }

}
