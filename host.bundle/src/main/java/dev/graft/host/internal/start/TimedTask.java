package dev.graft.host.internal.start;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A call into plugin code (a bundle start, a component's activation) on a daemon thread of its
 * own, so that its caller can wait for it with a deadline. One that overruns the deadline is
 * abandoned: its thread is interrupted, and what must wait for it to end (uninstalling its bundle)
 * is done by another daemon thread once it does, never by the caller.
 */
public final class TimedTask {

    /** Plugin code to call. */
    public interface Call {
        void run() throws Exception;
    }

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile long endNanos;

    private TimedTask(String threadName, Call call) {
        thread = new Thread(() -> {
            try {
                call.run();
            } catch (Throwable t) {
                failure = t;
            } finally {
                endNanos = System.nanoTime();
                done.countDown();
            }
        }, threadName);
        thread.setDaemon(true);
    }

    /** Starts the call on a new thread of the given name. */
    public static TimedTask start(String threadName, Call call) {
        TimedTask task = new TimedTask(threadName, call);
        task.thread.start();
        return task;
    }

    boolean finished() {
        return done.getCount() == 0;
    }

    /** @return whether the call returned (or threw) by the deadline */
    public boolean awaitUntil(long deadlineNanos) throws InterruptedException {
        return done.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** @return what the call threw, or null; only meaningful once finished */
    Throwable failure() {
        return failure;
    }

    /** @return when the call ended, in {@link System#nanoTime()}; only meaningful once finished */
    long endNanos() {
        return endNanos;
    }

    /** @return where the call's thread is now, as a Java stack trace prints it */
    String stack() {
        StringBuilder text = new StringBuilder("\"" + thread.getName() + "\" " + thread.getState());
        for (StackTraceElement e : thread.getStackTrace()) {
            text.append("\n\tat ").append(e);
        }
        return text.toString();
    }

    /** Interrupts the call, and runs {@code afterwards} on a daemon thread once the call has ended, however long that takes. */
    public void abandon(Runnable afterwards) {
        thread.interrupt();
        Thread reaper = new Thread(() -> {
            try {
                done.await();
                afterwards.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, thread.getName() + " (abandoned)");
        reaper.setDaemon(true);
        reaper.start();
    }
}
