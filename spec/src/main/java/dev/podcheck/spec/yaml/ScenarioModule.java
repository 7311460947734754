package dev.podcheck.spec.yaml;

import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.behaviour.Health;
import dev.podcheck.spec.behaviour.SigtermResponse;
import dev.podcheck.spec.pod.Quantity;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** The written forms that are not plain records: quantities, durations, health, SIGTERM responses. */
final class ScenarioModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    ScenarioModule() {
        super("podcheck-scenario");
        addDeserializer(Quantity.class, new QuantityDeserializer());
        addSerializer(Quantity.class, new ToStringSerializer<>(Quantity.class));
        addDeserializer(Duration.class, new DurationDeserializer());
        addSerializer(Duration.class, new DurationSerializer());
        addDeserializer(Health.class, new HealthDeserializer());
        addSerializer(Health.class, new HealthSerializer());
        addDeserializer(SigtermResponse.class, new SigtermDeserializer());
        addSerializer(SigtermResponse.class, new SigtermSerializer());
    }

    /** Scalars keep their source text, so {@code 0.5} and {@code 1e3} parse exactly. */
    private static String scalarText(JsonParser p, DeserializationContext ctxt, Class<?> type, String expected) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getString();
        }
        return ctxt.reportInputMismatch(type, "expected %s, got %s", expected, Tokens.describe(t));
    }

    private static final class QuantityDeserializer extends ValueDeserializer<Quantity> {
        @Override
        public Quantity deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = scalarText(p, ctxt, Quantity.class, "a quantity such as 100m or 128Mi");
            try {
                return Quantity.parse(text);
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(Quantity.class, "%s", e.getMessage());
            }
        }
    }

    private static final class DurationDeserializer extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = scalarText(p, ctxt, Duration.class, "a duration like 5s, 1m30s or 500ms");
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(Duration.class, "%s", e.getMessage());
            }
        }
    }

    private static final class DurationSerializer extends ValueSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(Durations.format(value));
        }
    }

    private static final class ToStringSerializer<T> extends ValueSerializer<T> {
        private final Class<T> type;

        ToStringSerializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toString());
        }
    }

    private static final class HealthDeserializer extends ValueDeserializer<Health> {
        private static final String EXPECTED = "always, never, or a list of windows like [{from: 10s, until: 30s}]";

        @Override
        public Health deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.START_ARRAY) {
                JavaType windows = ctxt.getTypeFactory().constructCollectionType(List.class, Health.Window.class);
                List<Health.Window> list = ctxt.readValue(p, windows);
                try {
                    return new Health(list);
                } catch (IllegalArgumentException e) {
                    return ctxt.reportInputMismatch(Health.class, "%s", e.getMessage());
                }
            }
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                switch (p.getString()) {
                    case "always":
                        return Health.ALWAYS;
                    case "never":
                        return Health.NEVER;
                    default:
                        return ctxt.reportInputMismatch(Health.class, "expected %s, got \"%s\"", EXPECTED, p.getString());
                }
            }
            return ctxt.reportInputMismatch(Health.class, "expected %s, got %s", EXPECTED,
                    Tokens.describe(p.currentToken()));
        }
    }

    private static final class HealthSerializer extends ValueSerializer<Health> {
        @Override
        public void serialize(Health value, JsonGenerator gen, SerializationContext ctxt) {
            if (value.equals(Health.ALWAYS)) {
                gen.writeString("always");
            } else if (value.equals(Health.NEVER)) {
                gen.writeString("never");
            } else {
                ctxt.writeValue(gen, value.passing());
            }
        }
    }

    private static final class SigtermDeserializer extends ValueDeserializer<SigtermResponse> {
        @Override
        public SigtermResponse deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                return ctxt.readValue(p, SigtermResponse.ExitOnSigterm.class);
            }
            if (p.currentToken() == JsonToken.VALUE_STRING && p.getString().equals("ignore")) {
                return SigtermResponse.ignore();
            }
            return ctxt.reportInputMismatch(SigtermResponse.class,
                    "expected ignore or {exitAfter: 3s, code: 0}, got %s", Tokens.describe(p));
        }
    }

    private static final class SigtermSerializer extends ValueSerializer<SigtermResponse> {
        @Override
        public void serialize(SigtermResponse value, JsonGenerator gen, SerializationContext ctxt) {
            if (value instanceof SigtermResponse.ExitOnSigterm exit) {
                gen.writeStartObject();
                gen.writeName("exitAfter");
                gen.writeString(Durations.format(exit.after()));
                gen.writeNumberProperty("code", exit.code());
                gen.writeEndObject();
            } else {
                gen.writeString("ignore");
            }
        }
    }
}
