package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run's claim in the state folder: a file lock held while the run is open, which the operating
 * system drops when its process ends, however it ends. 'podcheck clean' removes the pods of runs
 * nobody holds, those an interrupted run left, and never a running run's.
 */
final class RunLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock hold(StateDir state, String runId) throws TargetException {
        Path file = state.runLock(runId);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new TargetException("run " + runId + " is already held in " + file, null);
            }
            return new RunLock(file, channel, lock);
        } catch (IOException e) {
            throw new TargetException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether a live process holds the run (this one included). */
    static boolean held(StateDir state, String runId) {
        Path file = state.runLock(runId);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // a lock file that cannot be opened holds nothing
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // An unheld lock file is harmless: it claims nothing.
        }
    }
}
