package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.generate.InvalidPodGen;
import dev.podcheck.spec.generate.PriorityClasses;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioWriter;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

/**
 * podcheck's admission (strict decoding, defaulting, validation, warnings) against a real
 * kube-apiserver: generated pods, which must all be accepted, and pods with one mistake made in
 * them (spec's Mutation catalogue and docs/admission.md's table), each sent as a server-side dry-run
 * create. Both answers must agree: accepted or refused, every refusal and warning in the same words,
 * and the stored pod on the fields podcheck models. Prints the numbers (docs/admission.md quotes them).
 *
 * <p>Run against a cluster with {@code PODCHECK_APISERVER_KUBECONFIG=<admin kubeconfig> ./mvnw -o -pl adapters -am
 * verify -Dgroups=apiserver} (this test alone; about 30 s of requests on a 2-core node); sizes with {@code -Dpodcheck.apiserver.pods=N}
 * (valid and mistaken, each), the draw with {@code -Dpodcheck.seed=S}. It creates one namespace of its own
 * (labelled as a podcheck run) and deletes it, and the PriorityClasses generated pods name ({@link PriorityClasses},
 * labelled with that namespace) and deletes them; the dry runs store nothing.
 */
@Tag("apiserver")
@EnabledIfEnvironmentVariable(named = ApiserverAdmissionTest.KUBECONFIG, matches = ".+",
        disabledReason = "no real apiserver: set PODCHECK_APISERVER_KUBECONFIG to a kubeconfig that may create pods")
class ApiserverAdmissionTest {
    static final String KUBECONFIG = "PODCHECK_APISERVER_KUBECONFIG";
    private static final int PODS = Integer.getInteger("podcheck.apiserver.pods", 1000);
    private static final long SEED = Long.getLong("podcheck.seed", 1);
    /** Requests in flight: the node has two cores, shared with everything else. */
    private static final int PARALLEL = 6;
    private static final String CREATED_BY = "podcheck.dev/apiserver-test";

    private static KubernetesClient client;
    private static RunNamespace namespace;

    /** A body to send and where it came from (generated, or the mistake made in it). */
    private record Sample(String source, String body) {
        /** The generateName of a body that writes no name. */
        Optional<String> generateName() {
            JsonNode metadata = PodBody.JSON.readTree(body).path("metadata");
            return metadata.has("name") ? Optional.empty() : Optional.ofNullable(metadata.path("generateName").asString(null));
        }
    }

    @BeforeAll
    static void open() throws TargetException {
        client = ClusterConnection.open(new ClusterChoice(Path.of(System.getenv(KUBECONFIG)), null, false),
                ClusterEnvironment.SYSTEM, warning -> { });
        ClusterApi api = new ClusterApi(client, ApiRetry.DEFAULT);
        namespace = RunNamespace.create(api, "podcheck-apiserver", Long.toHexString(System.nanoTime() & 0xffffffL));
        // Generated pods with a priority name one of these classes (the Priority plugin refuses an unknown one).
        PriorityClasses.USER.forEach((name, value) -> client.resource(new PriorityClassBuilder().withNewMetadata()
                .withName(name).addToLabels(CREATED_BY, namespace.name()).endMetadata().withValue(value).build())
                .createOr(existing -> existing.update()));
        // The ServiceAccount admission plugin refuses pods until the namespace's default account exists.
        await("the default service account of " + namespace.name()).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.serviceAccounts().inNamespace(namespace.name()).withName("default").get() != null);
    }

    @AfterAll
    static void close() throws TargetException {
        if (client != null && namespace != null) {
            client.resources(PriorityClass.class).withLabel(CREATED_BY, namespace.name()).delete();
        }
        if (namespace != null) {
            namespace.delete();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    void should_admit_every_pod_as_the_apiserver_does() throws Exception {
        // GIVEN generated pods and pods with one mistake each
        List<Sample> samples = new ArrayList<>(generated(PODS));
        samples.addAll(mistaken(PODS));
        // WHEN each is sent as a dry-run create and read by podcheck
        AdmissionTally tally = new AdmissionTally();
        DryRunCreate apiserver = new DryRunCreate(client, namespace.name());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Sample sample : samples) {
                done.add(pool.submit(() -> {
                    AdmissionAnswer answer = apiserver.send(sample.body()).join();
                    AdmissionAnswer theirs = sample.generateName().map(answer::withoutGeneratedNameRefusal).orElse(answer);
                    AdmissionAnswer ours = PodcheckAdmission.of(sample.body());
                    tally.add(sample.source(), sample.body(), theirs, AdmissionDisagreement.between(ours, theirs));
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("seed %d, %d s%n%s", SEED, (System.nanoTime() - started) / 1_000_000_000L, tally.report());
        // THEN they agree on every one
        assertThat(tally.disagreements()).as("disagreements (the whole report is printed above)").isEmpty();
    }

    /** Pods as ScenarioGen draws them: valid by construction; each pod of a node scenario is sent on its own. */
    private static List<Sample> generated(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (Scenario pod : pods(ScenarioGen.scenarios().generate(Choices.random(SEED + i)))) {
                out.add(new Sample("generated", ScenarioWriter.toJson(pod)));
            }
        }
        return out;
    }

    /**
     * The pods of a scenario, each a scenario of one pod: the apiserver admits one pod a request, and a pod whose
     * annotation names neighbours is read with the documents that follow it.
     */
    private static List<Scenario> pods(Scenario scenario) {
        List<Scenario> pods = new ArrayList<>();
        pods.add(new Scenario(scenario.pod(), scenario.behaviours(), scenario.events(), scenario.images(), List.of()));
        pods.addAll(scenario.neighbours());
        return pods;
    }

    /** Half with a mistake of spec's Mutation catalogue, half with one of docs/admission.md's table (every {@link Mistake}). */
    private static List<Sample> mistaken(int n) {
        List<Sample> out = new ArrayList<>();
        List<Mistake> mistakes = Mistake.ALL;
        for (int i = 0; i < n; i++) {
            Choices c = Choices.random(SEED * 1_000_003L + i);
            if (i % 2 == 0) {
                out.add(new Sample("InvalidPodGen", ScenarioWriter.toJson(pods(InvalidPodGen.invalidCases().generate(c).scenario()).get(0))));
            } else {
                Mistake mistake = mistakes.get(c.drawIndex(mistakes.size()));
                PodBody body = new PodBody(ScenarioWriter.toJson(pods(ScenarioGen.scenarios().generate(c)).get(0)));
                mistake.make(body, c);
                out.add(new Sample(mistake.name(), body.text()));
            }
        }
        return out;
    }
}
