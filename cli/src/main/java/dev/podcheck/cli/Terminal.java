package dev.podcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Whether standard error is a terminal, where progress is one redrawn line; anywhere else (a CI log, a
 * file, a pipe) it is plain lines. Java cannot ask about standard error itself ({@code System.console()}
 * speaks of input and output), so the {@code ./podcheck} wrapper tells it ({@code [ -t 2 ]}) through
 * {@value #PROPERTY}; without it, Linux's /proc names the file descriptor's device.
 */
final class Terminal {
    static final String PROPERTY = "podcheck.stderr.terminal";

    private Terminal() {}

    static boolean stderr() {
        return stderr(System.getenv("TERM"), System.getProperty(PROPERTY), Terminal::fd2);
    }

    /**
     * @param term     the TERM variable: {@code dumb} (Emacs shells, some CI) cannot redraw a line
     * @param told     what the wrapper found, "true" or "false"; null when started without it
     * @param fd2      the device standard error is open on, or null when not known
     */
    static boolean stderr(String term, String told, Supplier<String> fd2) {
        if ("dumb".equals(term)) {
            return false;
        }
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        String device = fd2.get();
        return device != null && (device.startsWith("/dev/pts/") || device.startsWith("/dev/tty"));
    }

    private static String fd2() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
