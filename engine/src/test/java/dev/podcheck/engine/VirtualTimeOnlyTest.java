package dev.podcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine's time is virtual and its randomness seeded: no wall clock, sleep or own Random in its sources. */
class VirtualTimeOnlyTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "Thread\\.sleep|System\\.currentTimeMillis|System\\.nanoTime|Instant\\.now|LocalDateTime\\.now"
                    + "|Clock\\.system|new Random\\(|Math\\.random|ThreadLocalRandom");

    @Test
    void should_not_read_the_wall_clock_or_make_its_own_randomness() throws IOException {
        List<String> hits;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            hits = files.filter(p -> p.toString().endsWith(".java")).flatMap(VirtualTimeOnlyTest::forbiddenLines).toList();
        }
        assertThat(hits).isEmpty();
    }

    private static Stream<String> forbiddenLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> FORBIDDEN.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
