package dev.graft.cache.internal;

/**
 * A test hook that lets a test kill a process in the middle of a write. When the system property
 * {@value #PROPERTY} names a point that the store reaches, the store prints
 * {@code graft.cache paused at POINT} on standard output and waits forever.
 */
public final class PausePoint {

    /** The system property naming the point to pause at. */
    public static final String PROPERTY = "graft.cache.pauseAt";
    /** Half of an entry's temporary file is written; the lock is held. */
    public static final String ENTRY_WRITE = "entry-write";
    /** Half of the index's temporary file is written; the lock is held. */
    public static final String INDEX_WRITE = "index-write";

    private PausePoint() {
    }

    /**
     * Pauses forever when the property names this point; returns at once otherwise.
     *
     * @param point the point reached
     */
    public static void reached(String point) {
        if (!point.equals(System.getProperty(PROPERTY))) {
            return;
        }
        System.out.println("graft.cache paused at " + point);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
