package dev.podcheck.spec.yaml;

import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The YAML 1.2 core schema with one scalar resolver. SnakeYAML Engine's CoreSchema builds a new resolver (a
 * dozen regular expressions) on every call, and its serializer asks once per scalar: writing a pod of 20,000
 * containers out again took seconds. The resolver is read-only once built, so one serves every thread.
 */
final class OneResolverCoreSchema extends CoreSchema {
    static final OneResolverCoreSchema INSTANCE = new OneResolverCoreSchema();

    private final ScalarResolver resolver = super.getScalarResolver();

    private OneResolverCoreSchema() {}

    @Override
    public ScalarResolver getScalarResolver() {
        return resolver;
    }
}
