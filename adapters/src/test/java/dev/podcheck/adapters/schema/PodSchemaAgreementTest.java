package dev.podcheck.adapters.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** spec's strict decoding knows exactly the Pod fields of the Kubernetes API that Fabric8's model is generated from. */
class PodSchemaAgreementTest {
    @Test
    void should_match_the_fields_of_fabric8s_pod_model() throws Exception {
        // GIVEN the schema spec reads WHEN generated again from the model THEN it is the same (on a Fabric8
        // upgrade, regenerate: java -cp <model jars> PodSchemaFromFabric8.java spec/src/main/resources/.../pod-v1.schema)
        try (InputStream in = getClass().getResourceAsStream("/dev/podcheck/spec/yaml/pod-v1.schema")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(PodSchemaFromFabric8.schemaText());
        }
    }
}
