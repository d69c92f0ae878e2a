package dev.graft.cache.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that guards every write to a cache directory: an exclusive kernel lock
 * ({@link FileChannel#lock()}) on the file {@code lock}, which the kernel releases when a process
 * dies, so a killed writer never leaves the cache locked. Threads of one process first take a
 * process-wide lock for the same directory, because the kernel lock belongs to the whole process
 * and a second channel on the same file would throw {@link java.nio.channels.OverlappingFileLockException}.
 */
public final class DirectoryLock {

    /** Name of the lock file inside the cache directory. */
    public static final String FILE_NAME = "lock";

    /* One lock per directory for the whole process, shared by every store on that directory. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock inProcess;

    /**
     * @param directory the cache directory
     */
    public DirectoryLock(Path directory) {
        Path normal = directory.toAbsolutePath().normalize();
        this.file = normal.resolve(FILE_NAME);
        this.inProcess = IN_PROCESS.computeIfAbsent(normal, d -> new ReentrantLock());
    }

    /** A held lock; closing it releases the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * Waits for the lock.
     *
     * @return the held lock
     * @throws IOException when the lock file cannot be opened or locked
     */
    public Held acquire() throws IOException {
        inProcess.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            FileChannel open = channel;
            return () -> {
                try {
                    lock.release();
                } finally {
                    open.close();
                    inProcess.unlock();
                }
            };
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            inProcess.unlock();
            throw e;
        }
    }

    /**
     * Takes the lock only if no process holds it.
     *
     * @return whether it was free (it is released again at once)
     * @throws IOException when the lock file cannot be opened
     */
    public boolean isFree() throws IOException {
        if (!inProcess.tryLock()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } finally {
            inProcess.unlock();
        }
    }
}
