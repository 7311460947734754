package dev.podcheck.spec.qos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample manifests classify and score as Kubernetes would. Requests are defaulted from limits
 * by the apiserver's defaulting (SEMANTICS D-9) first, as in a real cluster.
 */
class ManifestQoSTest {
    private static final long NODE_MEMORY = 8L * 1024 * 1024 * 1024;

    static Pod defaulted(String manifest) throws URISyntaxException {
        Path file = Path.of(ManifestQoSTest.class.getResource("/manifests/" + manifest).toURI());
        return Defaulting.apply(ScenarioReader.read(file).get(0).pod());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "guaranteed.yaml, Guaranteed",
        "burstable.yaml, Burstable",
        "besteffort.yaml, BestEffort",
        "nginx-filebeat-sidecar.yaml, Burstable",
        "all-probes.yaml, BestEffort",
        "restartable-init.yaml, Burstable",
    })
    void should_classify_each_manifest(String manifest, QOSClass expected) throws URISyntaxException {
        assertThat(PodQOS.compute(defaulted(manifest))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // Guaranteed and BestEffort pods are pinned, whatever they request.
        "guaranteed.yaml; app=-997",
        // 1000 - 1000*100Mi/8Gi = 1000 - 12 = 988.
        "burstable.yaml; app=988",
        "besteffort.yaml; app=1000",
        // nginx: 1000 - 1000*128Mi/8Gi = 985; the filebeat sidecar (993 alone) is capped at nginx's 985.
        "nginx-filebeat-sidecar.yaml; filebeat=985,nginx=985",
        "all-probes.yaml; app=1000,grpc=1000",
        // work: 1000 - 1000*1e8/8Gi = 989; the proxy sidecar (1000 alone) is capped at 989;
        // migrate has no request: 1000, which Burstable turns into 999.
        "restartable-init.yaml; migrate=999,proxy=989,work=989",
    })
    void should_score_each_container_on_an_8Gi_node(String manifest, String expected) throws URISyntaxException {
        Map<String, Integer> scores = OOMScoreAdj.forPod(defaulted(manifest), NODE_MEMORY);

        assertThat(scores).containsExactlyEntriesOf(parse(expected));
    }

    private static Map<String, Integer> parse(String list) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String item : list.split(",")) {
            String[] kv = item.split("=");
            out.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
        }
        return out;
    }
}
