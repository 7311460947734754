package dev.podcheck.spec.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** metadata.finalizers as ValidateFinalizers checks them (SEMANTICS FZ-1): reported at the list, not the entry. */
class FinalizerValidationTest {
    static List<String> messages(List<String> finalizers) {
        Pod pod = Fixtures.valid();
        return Validation.validate(pod.withMetadata(pod.metadata().withFinalizers(finalizers))).stream()
                .map(Violation::message).toList();
    }

    @Test
    void should_accept_the_e2e_tests_finalizer() {
        assertThat(messages(List.of("example.com/test-finalizer"))).isEmpty();
    }

    @Test
    void should_refuse_a_finalizer_that_is_no_qualified_name() {
        assertThat(messages(List.of("a b"))).singleElement().asString()
                .startsWith("metadata.finalizers: Invalid value: \"a b\": name part must consist of alphanumeric characters");
    }

    @Test
    void should_refuse_orphan_with_foregroundDeletion() {
        assertThat(messages(List.of("orphan", "foregroundDeletion"))).containsExactly("metadata.finalizers: Invalid "
                + "value: []string{\"orphan\", \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be "
                + "both set");
    }
}
