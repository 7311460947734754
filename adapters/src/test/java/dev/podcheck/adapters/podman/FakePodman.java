package dev.podcheck.adapters.podman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A podman stand-in: a shell script that writes each call's arguments, one call a line, to a
 * log, and answers by the first rule whose prefix the arguments start with (else exits 0 and
 * prints nothing). A rule is shell code; it may use {@code event TYPE STATUS NAME [EXIT_CODE]},
 * which appends a line to the events log the target's containers.conf names, as podman does
 * (times to the nanosecond, as podman stamps them), {@code $LAST} (the last argument) and {@code $POD} (the pod the call
 * names, or the one of the manifest it names).
 */
final class FakePodman {
    private final Path dir;
    private final Map<String, String> rules = new LinkedHashMap<>();

    FakePodman(Path dir) {
        this.dir = dir;
    }

    /** Answers calls whose arguments start with {@code prefix} with {@code shell}. */
    FakePodman on(String prefix, String shell) {
        rules.put(prefix, shell);
        return this;
    }

    /** Writes the script; its path is what {@code --podman} names. */
    Path install() {
        StringBuilder script = new StringBuilder("""
                #!/bin/sh
                printf '%%s\\n' "$*" >> '%s'
                EVENTS=$(sed -n 's/^events_logfile_path = "\\(.*\\)"$/\\1/p' "$CONTAINERS_CONF" 2>/dev/null)
                event() {
                  printf '{"Name":"%%s","Status":"%%s","Time":"%%s","Type":"%%s"%%s}\\n' "$3" "$2" \\
                    "$(date -u +%%Y-%%m-%%dT%%H:%%M:%%S.%%NZ)" "$1" "${4:+,\\"ContainerExitCode\\":$4}" >> "$EVENTS"
                }
                for LAST; do :; done
                POD=$LAST
                [ -f "$LAST" ] && POD=$(sed -n 's/^  name: //p' "$LAST" | head -n 1)
                case "$*" in
                """.formatted(log()));
        rules.forEach((prefix, shell) -> script.append("'").append(prefix).append("'*)\n").append(shell)
                .append("\n;;\n"));
        script.append("esac\nexit 0\n");
        Path podman = dir.resolve("podman");
        try {
            Files.createDirectories(dir);
            Files.writeString(podman, script);
            Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return podman;
    }

    /** The calls made so far, each as its arguments joined by spaces. */
    List<String> calls() throws IOException {
        return Files.exists(log()) ? Files.readAllLines(log()) : List.of();
    }

    private Path log() {
        return dir.resolve("calls.log");
    }
}
