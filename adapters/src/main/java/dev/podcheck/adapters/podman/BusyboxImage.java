package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The image every rendered container runs when the user names none: this machine's static busybox
 * (Debian's busybox-static) as {@value #REPOSITORY}:&lt;its version&gt;, made with {@code podman
 * import}, so that no registry is ever asked. Its root holds bin/busybox, a link per applet, and
 * the folders a container expects (tmp, proc, dev, etc, sys). PATH must be set in the image:
 * without it podman finds no {@code sh} ("executable file not found in $PATH"). Made on first
 * use, reused after; a file lock (and a lock within this JVM) lets one maker at a time build it.
 */
final class BusyboxImage {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    static final String REPOSITORY = "localhost/podcheck-busybox";
    private static final Duration BUILD = Duration.ofMinutes(2);
    private static final Pattern VERSION = Pattern.compile("BusyBox v(\\d+(?:\\.\\d+)*)");
    private static final Object JVM_LOCK = new Object();
    /** ELF: PT_INTERP, the program header of a dynamically linked executable. */
    private static final int PT_INTERP = 3;

    private BusyboxImage() {}

    /** The image's name, made first from {@code busybox} when podman does not have it. */
    static String ensure(Podman podman, StateDir state, Path busybox) throws TargetException {
        String tag = tag(state, busybox);
        if (exists(podman, tag)) {
            return tag;
        }
        synchronized (JVM_LOCK) {
            Path dir = state.imageDir();
            try {
                Files.createDirectories(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve("build.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    if (!exists(podman, tag)) {
                        build(podman, state, busybox, tag);
                    }
                }
            } catch (IOException e) {
                throw new TargetException("cannot build the image " + tag + " in " + dir + ": " + e.getMessage(), e);
            }
        }
        return tag;
    }

    /** The image's name for a busybox binary, without making it. */
    static String tag(StateDir state, Path busybox) throws TargetException {
        checkStatic(busybox);
        return REPOSITORY + ":" + version(busybox, run(busybox, state, "--help"));
    }

    /** "BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary." gives 1.35.0. */
    static String version(Path busybox, String banner) throws TargetException {
        Matcher m = VERSION.matcher(banner);
        if (!m.find()) {
            throw new TargetException(busybox + " does not say its version (\"" + banner.lines().findFirst().orElse("")
                    + "\"): is it busybox?", null);
        }
        return m.group(1);
    }

    /** The applets {@code busybox --list} names, one a line; busybox itself is the binary. */
    static List<String> applets(String list) {
        return list.lines().map(String::strip).filter(a -> !a.isEmpty() && !a.equals("busybox") && !a.contains("/"))
                .toList();
    }

    /** The import: the root as a tar, with the image's PATH and command. */
    static List<String> importArgs(Path tar, String tag) {
        return List.of("import", "--change", "ENV PATH=/bin", "--change", "CMD [\"/bin/sh\"]", tar.toString(), tag);
    }

    /** The tar of a root folder, its entries relative to that root. */
    static List<String> tarArgv(Path root, Path tar) {
        return List.of("tar", "-C", root.toString(), "-cf", tar.toString(), ".");
    }

    /** Writes the image's root: the binary, its applet links, the usual folders. */
    static void writeRoot(Path root, Path busybox, List<String> applets) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        for (String d : List.of("tmp", "proc", "dev", "etc", "sys", "root")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.copy(busybox, bin.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(bin.resolve("busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String applet : applets) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
    }

    /**
     * A dynamically linked busybox (Debian's package "busybox") needs a C library the image does
     * not have: every container would fail with a bare "no such file or directory".
     */
    static void checkStatic(Path busybox) throws TargetException {
        if (!Files.isRegularFile(busybox)) {
            throw new TargetException(busybox + " is missing: install busybox-static (Debian: apt-get install"
                    + " busybox-static), or name an image with --image", null);
        }
        if (dynamic(busybox)) {
            throw new TargetException(busybox + " is dynamically linked and cannot run alone in an image: install"
                    + " busybox-static, or name an image with --image", null);
        }
    }

    /** Whether a 64-bit little-endian ELF file has an interpreter; other files are taken as they are. */
    static boolean dynamic(Path file) throws TargetException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer head = ByteBuffer.wrap(in.readNBytes(64 * 1024)).order(ByteOrder.LITTLE_ENDIAN);
            if (head.limit() < 64 || head.getInt(0) != 0x464c457f || head.get(4) != 2 || head.get(5) != 1) {
                return false;
            }
            long phoff = head.getLong(0x20);
            int size = Short.toUnsignedInt(head.getShort(0x36));
            int count = Short.toUnsignedInt(head.getShort(0x38));
            for (int i = 0; i < count; i++) {
                long at = phoff + (long) i * size;
                if (at + 4 <= head.limit() && head.getInt((int) at) == PT_INTERP) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new TargetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Podman podman, String tag) throws TargetException {
        HostCommand.Result result = podman.call(Podman.QUICK, "image", "exists", tag);
        if (result.exitCode() > 1) {
            throw Podman.failed("podman image exists", result);
        }
        return result.ok();
    }

    private static void build(Podman podman, StateDir state, Path busybox, String tag)
            throws IOException, TargetException {
        Path work = Files.createTempDirectory(state.imageDir(), "build");
        try {
            Path root = work.resolve("root");
            Path tar = work.resolve("root.tar");
            writeRoot(root, busybox, applets(run(busybox, state, "--list")));
            HostCommand.Result archived = new HostCommand(tarArgv(root, tar), Map.of(), state.scratch()).run(BUILD);
            if (!archived.ok()) {
                throw Podman.failed("tar of the image's root", archived);
            }
            podman.run(BUILD, importArgs(tar, tag).toArray(String[]::new));
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String run(Path busybox, StateDir state, String arg) throws TargetException {
        HostCommand.Result result = new HostCommand(List.of(busybox.toString(), arg), Map.of(), state.scratch())
                .run(Podman.QUICK);
        if (!result.ok()) {
            throw Podman.failed(busybox + " " + arg, result);
        }
        return result.stdout();
    }
}
