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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What podman appends to its events log from a given moment on: one trial's view of the log that
 * all trials (and runs) sharing the state folder write to. Only whole lines are read: podman
 * appends each event in one write, and a line still being written is read the next time.
 *
 * <p>The log may be rewritten under the reader. Podman rotates it past events_logfile_max_size
 * (libpod/events/logfile.go rotateLog: the second half is copied to a new file that replaces the
 * log, then a log-rotation event is appended), and a run sets a long log aside
 * ({@link StateDir#prepare}). Offsets then mean nothing, and reading from the start again would
 * replay events already taken (a container would start twice). So the tail keeps the last line it
 * took and, each time, checks that it still ends where the tail stopped; when it does not, reading
 * goes on after that line's last place in the new log, or from the start when the line is gone
 * (a log begun anew).
 */
final class EventsTail {
    /** How far back from the end the line before the tail's start is looked for: lines are far shorter. */
    private static final int LAST_LINE_SEARCH = 64 * 1024;

    private final Path file;
    private long offset;
    /** The last whole line before {@link #offset}, newline included; null when there is none. */
    private byte[] lastLine;

    private EventsTail(Path file, long offset, byte[] lastLine) {
        this.file = file;
        this.offset = offset;
        this.lastLine = lastLine;
    }

    /** From the log's last whole line on: only what is written from now on. */
    static EventsTail fromEnd(Path file) throws TargetException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = Math.max(0, size - LAST_LINE_SEARCH);
            byte[] tail = read(channel, from, size);
            int end = lastIndexOf(tail, tail.length, (byte) '\n') + 1;
            if (end == 0) {
                return new EventsTail(file, from, null);
            }
            int start = lastIndexOf(tail, end - 1, (byte) '\n') + 1;
            boolean whole = start > 0 || from == 0;
            return new EventsTail(file, from + end, whole ? Arrays.copyOfRange(tail, start, end) : null);
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
            long size = channel.size();
            if (!stillEndsAtOffset(channel, size)) {
                offset = resume(read(channel, 0, size));
            }
            if (size == offset) {
                return events;
            }
            byte[] bytes = read(channel, offset, size);
            int lineStart = 0;
            int lastLineStart = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    PodmanEvent e = PodmanEvent.parse(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
                    if (e != null) {
                        events.add(e);
                    }
                    lastLineStart = lineStart;
                    lineStart = i + 1;
                }
            }
            if (lineStart > 0) {
                lastLine = Arrays.copyOfRange(bytes, lastLineStart, lineStart);
            }
            offset += lineStart;
            return events;
        } catch (NoSuchFileException e) {
            return events;
        } catch (IOException e) {
            throw new TargetException("cannot read podman's events log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the log still holds the tail's last line right before its offset: it was only appended to. */
    private boolean stillEndsAtOffset(FileChannel channel, long size) throws IOException {
        if (lastLine == null) {
            return offset <= size;
        }
        long from = offset - lastLine.length;
        return from >= 0 && offset <= size && Arrays.equals(read(channel, from, offset), lastLine);
    }

    /** Where to go on in a rewritten log: after the last line taken, or from the start when it is gone. */
    private long resume(byte[] log) {
        if (lastLine == null) {
            return 0;
        }
        for (int end = log.length; end >= lastLine.length; end = lastIndexOf(log, end - 1, (byte) '\n') + 1) {
            int start = end - lastLine.length;
            if ((start == 0 || log[start - 1] == '\n') && Arrays.equals(log, start, end, lastLine, 0, lastLine.length)) {
                return end;
            }
        }
        return 0;
    }

    private static byte[] read(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(to - from, Integer.MAX_VALUE - 8));
        while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
            // a read may return fewer bytes than asked
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The last index of {@code b} in {@code bytes} before {@code end}, or -1. */
    private static int lastIndexOf(byte[] bytes, int end, byte b) {
        for (int i = end - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
