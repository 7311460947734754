package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusyboxImageTest {
    @TempDir
    Path dir;

    /** A busybox stand-in that says its version and lists three applets. */
    private Path fakeBusybox() throws Exception {
        Path busybox = dir.resolve("busybox");
        Files.writeString(busybox, """
                #!/bin/sh
                case "$1" in
                --help) echo 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary.' ;;
                --list) printf '[\\nsh\\nsleep\\n' ;;
                esac
                """);
        Files.setPosixFilePermissions(busybox, PosixFilePermissions.fromString("rwxr-xr-x"));
        return busybox;
    }

    private Podman podman(FakePodman fake) throws Exception {
        StateDir state = new StateDir(dir.resolve("state")).prepare();
        return new Podman(fake.install().toString(), state.containersConf(), state.scratch());
    }

    @Nested
    class CommandLines {
        @Test
        void should_import_the_root_with_the_path_sh_needs_and_a_shell_as_command() {
            assertThat(BusyboxImage.importArgs(Path.of("/s/root.tar"), "localhost/podcheck-busybox:1.35.0"))
                    .containsExactly("import", "--change", "ENV PATH=/bin", "--change", "CMD [\"/bin/sh\"]",
                            "/s/root.tar", "localhost/podcheck-busybox:1.35.0");
        }

        @Test
        void should_tar_the_root_from_inside_it() {
            assertThat(BusyboxImage.tarArgv(Path.of("/s/root"), Path.of("/s/root.tar")))
                    .containsExactly("tar", "-C", "/s/root", "-cf", "/s/root.tar", ".");
        }

        @Test
        void should_tag_the_image_with_the_busybox_version() throws Exception {
            assertThat(BusyboxImage.version(Path.of("/bin/busybox"),
                    "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\nBusyBox is copyrighted"))
                    .isEqualTo("1.35.0");
            assertThatThrownBy(() -> BusyboxImage.version(Path.of("/bin/busybox"), "GNU coreutils 9.1"))
                    .hasMessage("/bin/busybox does not say its version (\"GNU coreutils 9.1\"): is it busybox?");
        }

        @Test
        void should_link_every_applet_but_busybox_itself() {
            assertThat(BusyboxImage.applets("[\n[[\nbusybox\nsh\n\nsleep\n")).containsExactly("[", "[[", "sh", "sleep");
        }
    }

    @Nested
    class Root {
        @Test
        void should_hold_busybox_a_link_per_applet_and_the_folders_a_container_expects() throws Exception {
            Path root = dir.resolve("root");

            BusyboxImage.writeRoot(root, fakeBusybox(), List.of("sh", "sleep"));

            assertThat(root.resolve("bin/busybox")).isExecutable();
            assertThat(Files.readSymbolicLink(root.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
            assertThat(Files.readSymbolicLink(root.resolve("bin/sleep"))).isEqualTo(Path.of("busybox"));
            assertThat(List.of("tmp", "proc", "dev", "etc", "sys")).allMatch(d -> Files.isDirectory(root.resolve(d)));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("tmp"))))
                    .isEqualTo("rwxrwxrwx");
        }
    }

    @Nested
    class StaticBinary {
        /** An ELF64 little-endian header with two program headers: a load and, when asked, an interpreter. */
        private Path elf(boolean interpreter) throws Exception {
            ByteBuffer b = ByteBuffer.allocate(64 + 2 * 56).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1);
            b.putLong(0x20, 64).putShort(0x36, (short) 56).putShort(0x38, (short) 2);
            b.putInt(64, 1);
            b.putInt(64 + 56, interpreter ? 3 : 4);
            return Files.write(dir.resolve(interpreter ? "dynamic" : "static"), b.array());
        }

        @Test
        void should_tell_a_dynamically_linked_binary_by_its_interpreter() throws Exception {
            assertThat(BusyboxImage.dynamic(elf(true))).isTrue();
            assertThat(BusyboxImage.dynamic(elf(false))).isFalse();
        }

        @Test
        void should_ask_for_busybox_static_when_busybox_is_dynamic() throws Exception {
            Path dynamic = elf(true);

            assertThatThrownBy(() -> BusyboxImage.checkStatic(dynamic)).isInstanceOf(TargetException.class)
                    .hasMessage(dynamic + " is dynamically linked and cannot run alone in an image: install"
                            + " busybox-static, or name an image with --image");
        }

        @Test
        void should_ask_for_busybox_static_when_there_is_no_busybox() {
            Path missing = dir.resolve("bin/busybox");

            assertThatThrownBy(() -> BusyboxImage.checkStatic(missing)).isInstanceOf(TargetException.class)
                    .hasMessage(missing + " is missing: install busybox-static (Debian: apt-get install"
                            + " busybox-static), or name an image with --image");
        }
    }

    @Nested
    class FirstUse {
        @Test
        void should_reuse_the_image_podman_has() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("image exists", "exit 0");

            String tag = BusyboxImage.ensure(podman(fake), new StateDir(dir.resolve("state")), fakeBusybox());

            assertThat(tag).isEqualTo("localhost/podcheck-busybox:1.35.0");
            assertThat(fake.calls()).containsExactly("image exists localhost/podcheck-busybox:1.35.0");
        }

        @Test
        void should_import_the_image_podman_lacks_and_leave_no_build_behind() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("image exists", "exit 1")
                    .on("import", "tar -tf \"$6\" | sort > '" + dir.resolve("entries") + "'");
            StateDir state = new StateDir(dir.resolve("state"));

            BusyboxImage.ensure(podman(fake), state, fakeBusybox());

            assertThat(fake.calls()).hasSize(3).last().asString()
                    .startsWith("import --change ENV PATH=/bin --change CMD [\"/bin/sh\"] " + state.imageDir())
                    .endsWith("/root.tar localhost/podcheck-busybox:1.35.0");
            assertThat(Files.readAllLines(dir.resolve("entries"))).contains("./bin/busybox", "./bin/[", "./bin/sh",
                    "./bin/sleep", "./tmp/");
            try (var left = Files.list(state.imageDir())) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("build.lock");
            }
        }
    }
}
