package dev.podcheck.adapters.podman;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of podman's events log (events_logger "file"), as podman 4 writes it:
 * {@code {"ID","Image","Name","Status","Time","Type","PodID","ContainerExitCode","Attributes"}}.
 * Container events name the container ({@code <pod>-<container>} under kube play); pod events the pod.
 *
 * @param epochMillis when podman recorded it (Time, RFC 3339 with nanoseconds), ms since the epoch
 * @param type        container, pod, image, ...
 * @param status      what happened: create, init, start, died, restart, stop, cleanup, remove, ...
 * @param exitCode    a died event's exit code; podman leaves 0 out of the line (omitempty), so
 *                    absent reads as 0 there
 */
record PodmanEvent(long epochMillis, String type, String status, String name, int exitCode) {
    static final String CONTAINER = "container";
    static final String POD = "pod";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The event of one line, or null for a line that is not one (a partial write, another format). */
    static PodmanEvent parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode e = JSON.readTree(line);
            String time = e.path("Time").asString("");
            if (time.isEmpty() || !e.path("Type").isString() || !e.path("Status").isString()) {
                return null;
            }
            return new PodmanEvent(OffsetDateTime.parse(time).toInstant().toEpochMilli(), e.path("Type").asString(),
                    e.path("Status").asString(), e.path("Name").asString(""), e.path("ContainerExitCode").asInt(0));
        } catch (JacksonException | DateTimeParseException e) {
            return null;
        }
    }

    boolean isContainer() {
        return CONTAINER.equals(type);
    }

    boolean isPod() {
        return POD.equals(type);
    }
}
