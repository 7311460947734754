package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What podman appends to its events log from a given moment on: one trial's view of the log that
 * all trials (and runs) sharing the state folder write to. Only whole lines are read: podman
 * appends each event in one write, and a line still being written is read the next time. A log
 * set aside and started anew (another file, or a shorter one) is read from its start.
 */
final class EventsTail {
    private final Path file;
    private long offset;
    private Object fileKey;

    private EventsTail(Path file, long offset, Object fileKey) {
        this.file = file;
        this.offset = offset;
        this.fileKey = fileKey;
    }

    /** From the log's current end: only what happens from now on. */
    static EventsTail fromEnd(Path file) throws TargetException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new EventsTail(file, attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return new EventsTail(file, 0, null);
        } catch (IOException e) {
            throw new TargetException("cannot read podman's events log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The events written since the last read, in the log's order. */
    List<PodmanEvent> read() throws TargetException {
        List<PodmanEvent> events = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            long size = channel.size();
            if (size < offset || (fileKey != null && !Objects.equals(key, fileKey))) {
                offset = 0;
            }
            fileKey = key;
            if (size == offset) {
                return events;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - offset, Integer.MAX_VALUE - 8));
            channel.read(buffer, offset);
            byte[] bytes = buffer.array();
            int end = buffer.position();
            int lineStart = 0;
            for (int i = 0; i < end; i++) {
                if (bytes[i] == '\n') {
                    PodmanEvent e = PodmanEvent.parse(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
                    if (e != null) {
                        events.add(e);
                    }
                    lineStart = i + 1;
                }
            }
            offset += lineStart;
            return events;
        } catch (NoSuchFileException e) {
            return events;
        } catch (IOException e) {
            throw new TargetException("cannot read podman's events log " + file + ": " + e.getMessage(), e);
        }
    }
}
