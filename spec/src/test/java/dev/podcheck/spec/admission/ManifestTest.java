package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real manifests are accepted after defaulting; each invalid manifest lists the violations it must
 * produce, in order, as {@code # expect: <message>} comment lines.
 */
class ManifestTest {
    private static final String EXPECT = "# expect: ";

    static Stream<Path> validManifests() {
        return yamlFiles(dir("manifests"));
    }

    static Stream<Path> invalidManifests() {
        return yamlFiles(dir("manifests/invalid"));
    }

    @Nested
    class Valid {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.podcheck.spec.admission.ManifestTest#validManifests")
        void should_validate_with_no_violations_after_defaulting(Path file) {
            for (Scenario scenario : ScenarioReader.read(file)) {
                assertThat(messages(Validation.validate(Defaulting.apply(scenario)))).isEmpty();
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.podcheck.spec.admission.ManifestTest#validManifests")
        void should_default_idempotently(Path file) {
            for (Scenario scenario : ScenarioReader.read(file)) {
                Scenario once = Defaulting.apply(scenario);
                assertThat(Defaulting.apply(once)).isEqualTo(once);
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.podcheck.spec.admission.ManifestTest#validManifests")
        void should_need_defaulting_to_be_valid(Path file) {
            // None of the manifests sets the container's pull or message policy: the apiserver fills them.
            Scenario scenario = ScenarioReader.read(file).get(0);
            assertThat(messages(Validation.validate(scenario.pod()))).contains(
                    "spec.containers[0].imagePullPolicy: Required value",
                    "spec.containers[0].terminationMessagePolicy: Required value");
        }
    }

    @Nested
    class Invalid {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.podcheck.spec.admission.ManifestTest#invalidManifests")
        void should_report_every_expected_violation_in_order(Path file) {
            Scenario scenario = ScenarioReader.read(file).get(0);
            assertThat(messages(Validation.validate(Defaulting.apply(scenario)))).containsExactlyElementsOf(expected(file));
        }
    }

    private static List<String> expected(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(EXPECT))
                    .map(line -> line.substring(EXPECT.length()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir(String resource) {
        try {
            return Path.of(ManifestTest.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
