package dev.podcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {
    @ParameterizedTest
    @ValueSource(strings = {"1.36", "v1.36", "1.36.3", "v1.36.3", "v1.36.3-gke.1200", "v1.36.3+k3s1"})
    void should_read_a_release_as_people_and_clusters_write_it(String written) {
        assertThat(Profile.of(written).version()).isEqualTo("1.36");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.32", "1.38.0", "2.0", "latest", "1.36.x", "1.36."})
    void should_refuse_what_it_does_not_model(String written) {
        assertThatThrownBy(() -> Profile.of(written)).isInstanceOf(IllegalArgumentException.class);
    }
}
