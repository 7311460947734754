package dev.podcheck.spec.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The two configured mappers. Typing is as strict as the apiserver's JSON decoding. */
final class Mappers {
    /**
     * SnakeYAML's read buffer in characters. It copies its window of unread text at each refill, so one scalar of
     * length L costs L^2 / (2 * buffer) copies: with the default 1024, a 1.15 MB line cost 1.4 GB and seconds.
     */
    static final int READ_BUFFER = 64 * 1024;
    static final YAMLMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
            .loadSettings(LoadSettings.builder().setBufferSize(READ_BUFFER).build())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .stringQuotingChecker(new KubectlQuoting())
            .build())).build();
    static final JsonMapper JSON = configure(JsonMapper.builder()).build();

    private Mappers() {}

    private static <M extends tools.jackson.databind.ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .addModule(new ScenarioModule())
                // Empty values are left out, but the content of maps is kept: emptyDir: {} and label "" matter.
        // Keep the record order (apiVersion, kind, metadata, spec), as kubectl writes it.
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Pod records keep unknown fields in extra; in behaviours a typo must not pass silently.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Empty fields are left out, but map content is kept: emptyDir: {} and a label "" matter.
                .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(
                        JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
                // "10" is not an integer and 10 is not a string to the apiserver either.
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
