package dev.podcheck.adapters.render;

import static dev.podcheck.adapters.render.MainScriptTest.LIMIT;
import static dev.podcheck.adapters.render.MainScriptTest.awaitStart;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory steps acted for real: memory the container's processes really hold (resident, so charged to its cgroup). */
class MemoryStepTest {
    static final long MIB = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    void should_hold_the_memory_of_a_step() throws Exception {
        // No later step: the memory stays held, so a poll on a loaded machine cannot miss it (a step released after
        // 300 ms could be gone before the first poll, which once failed this test under load).
        RenderedPod pod = TestPods.app("{memory: [{from: 0s, bytes: 24Mi}]}");
        try (Busybox sh = Busybox.in(tmp)) {
            Busybox.Instance app = sh.start(TestPods.main(pod));
            awaitStart(app);

            Poll.until(LIMIT, "24 MiB resident", () -> largestResident(app.pid()) >= 24 * MIB);
        }
    }

    @Test
    void should_release_the_memory_of_a_step_at_the_next_and_not_before() throws Exception {
        // Released only once held: a poll before the step's memory was taken once passed at 9 ms (.ci/stability).
        // A 3 s step is long enough that a poll on a loaded machine sees it held.
        RenderedPod pod = TestPods.app("{memory: [{from: 0s, bytes: 24Mi}, {from: 3s, bytes: 0}]}");
        try (Busybox sh = Busybox.in(tmp)) {
            Busybox.Instance app = sh.start(TestPods.main(pod));
            awaitStart(app);

            Poll.until(LIMIT, "24 MiB resident", () -> largestResident(app.pid()) >= 24 * MIB);
            Poll.until(LIMIT, "the 24 MiB released", () -> largestResident(app.pid()) < 8 * MIB);
            long released = System.currentTimeMillis();

            assertThat(released - HealthWindowTest.startedAt(app)).isGreaterThanOrEqualTo(3000);
        }
    }

    @Test
    void should_hold_at_most_a_tebibyte_however_large_the_step() {
        // 8 EiB is a valid quantity; as 1 GiB holders it was 8 billion words, and rendering ran out of memory.
        String script = TestPods.main(TestPods.app("{memory: [{from: 0s, bytes: 8Ei}]}"));

        assertThat(script.split(" " + Timeline.HOLDER_BYTES + "\\b", -1)).hasSize(1024 + 1);
        assertThat(script.length()).isLessThan(100_000);
    }

    /** The largest resident set among the processes the instance started. */
    private static long largestResident(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(p -> residentBytes(p.pid())).max().orElse(0);
    }

    private static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }
}
