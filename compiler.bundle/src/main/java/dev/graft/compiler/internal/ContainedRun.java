package dev.graft.compiler.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task on a thread of its own with a large stack and a deadline, so that deep recursion in
 * a compiler does not overflow the caller's stack and a runaway compile does not hold the caller.
 * Every Throwable of the task, errors included, comes back as the cause of an ExecutionException.
 */
final class ContainedRun {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private ContainedRun() {
    }

    /**
     * @param name what runs, for the thread's name
     * @param stackBytes the thread's stack size
     * @param deadlineMillis how long to wait for the task
     * @param task the task
     * @return the task's result
     * @throws ExecutionException with the task's Throwable as cause
     * @throws TimeoutException when the deadline passed; the thread is interrupted and abandoned
     * @throws InterruptedException when the caller was interrupted while waiting
     */
    static <T> T run(String name, long stackBytes, long deadlineMillis, Callable<T> task)
        throws ExecutionException, TimeoutException, InterruptedException {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(null, future, "graft-compiler-" + THREADS.incrementAndGet() + "-" + name, stackBytes);
        thread.setDaemon(true);
        thread.start();
        try {
            return future.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new ExecutionException(e);
        }
    }
}
