package dev.graft.compiler.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Class files of one unchanging source (the JDK, a bundle wiring), kept after the first read so
 * that the next compile asks for them again from memory: every compile reads the same few dozen.
 * What is kept counts against a {@link Budget} that several sources may share; past it, classes
 * are read each time. Safe for concurrent compiles.
 */
final class KeptClasses {

    private static final byte[] ABSENT = new byte[0];

    private final Budget budget;
    private final Map<String, byte[]> kept = new ConcurrentHashMap<>();
    private long keptBytes;
    private boolean released;

    KeptClasses(Budget budget) {
        this.budget = budget;
    }

    /**
     * @param path a class file path, for example {@code java/lang/Object.class}
     * @param source reads the path from the source; null when it has no such class
     * @return the class file bytes, or null
     */
    byte[] read(String path, Function<String, byte[]> source) {
        byte[] known = kept.get(path);
        if (known != null) {
            return known == ABSENT ? null : known;
        }
        byte[] bytes = source.apply(path);
        keep(path, bytes == null ? ABSENT : bytes);
        return bytes;
    }

    /** @return the bytes kept, with an allowance per class for its name */
    synchronized long keptBytes() {
        return keptBytes;
    }

    /** Drops what is kept and gives its bytes back to the budget: the source has changed or gone. */
    synchronized void release() {
        released = true;
        kept.clear();
        budget.give(keptBytes);
        keptBytes = 0;
    }

    private synchronized void keep(String path, byte[] bytes) {
        long size = bytes.length + 2L * path.length() + 64;
        if (!released && !kept.containsKey(path) && budget.take(size)) {
            kept.put(path, bytes);
            keptBytes += size;
        }
    }

    /** The most bytes that the {@code KeptClasses} sharing it may keep together. */
    static final class Budget {

        private final long maxBytes;
        private final AtomicLong used = new AtomicLong();

        Budget(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        boolean take(long bytes) {
            return used.getAndUpdate(u -> u + bytes <= maxBytes ? u + bytes : u) + bytes <= maxBytes;
        }

        void give(long bytes) {
            used.addAndGet(-bytes);
        }

        /** @return the bytes taken and not given back */
        long used() {
            return used.get();
        }
    }
}
