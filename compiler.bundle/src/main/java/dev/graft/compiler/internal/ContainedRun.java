package dev.graft.compiler.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on threads of their own with a large stack and a deadline, so that deep recursion in
 * a compiler does not overflow the caller's stack and a runaway compile does not hold the caller.
 * Every Throwable of a task, errors included, comes back as the cause of an ExecutionException.
 *
 * <p>Starting a thread costs about a quarter of a millisecond, a noticeable part of a small
 * plugin's build, so a thread whose task is done waits {@value #KEEP_ALIVE_MILLIS} ms for the
 * next one. A thread left running at its deadline is never given another task. Concurrent runs
 * each get a thread of their own.
 */
final class ContainedRun {

    static final long KEEP_ALIVE_MILLIS = 30_000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int maxIdle;
    private final Deque<Worker> idle = new ArrayDeque<>();
    private boolean closed;

    /** Keeps up to one idle thread per processor. */
    ContainedRun() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** @param maxIdle the most threads that wait for a task */
    ContainedRun(int maxIdle) {
        this.maxIdle = maxIdle;
    }

    /**
     * @param name what runs, for the thread's name
     * @param stackBytes the thread's stack size
     * @param deadlineMillis how long to wait for the task
     * @param task the task
     * @return the task's result
     * @throws ExecutionException with the task's Throwable as cause
     * @throws TimeoutException when the deadline passed; the thread is interrupted and abandoned
     * @throws InterruptedException when the caller was interrupted while waiting; the thread is
     *         interrupted and abandoned
     */
    <T> T run(String name, long stackBytes, long deadlineMillis, Callable<T> task)
        throws ExecutionException, TimeoutException, InterruptedException {
        Job<T> job = new Job<>(name, new FutureTask<>(task));
        handOver(job, stackBytes);
        try {
            return job.future.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            job.abandon();
            throw e;
        } catch (CancellationException e) {
            throw new ExecutionException(e);
        }
    }

    /** Lets the idle threads end; a thread still running a task ends after it. */
    synchronized void close() {
        closed = true;
        idle.forEach(w -> w.inbox.add(Job.STOP));
        idle.clear();
    }

    /** @return how many threads wait for a task */
    synchronized int idleThreads() {
        return idle.size();
    }

    private synchronized void handOver(Job<?> job, long stackBytes) {
        Worker worker;
        while ((worker = idle.pollFirst()) != null && worker.stackBytes != stackBytes) {
            worker.inbox.add(Job.STOP);
        }
        if (worker == null) {
            worker = new Worker(stackBytes);
        }
        worker.inbox.add(job);
    }

    /** @return whether the worker may wait for another task */
    private synchronized boolean rest(Worker worker) {
        if (closed || idle.size() >= maxIdle) {
            return false;
        }
        idle.addFirst(worker);
        return true;
    }

    /** @return whether the worker may end: false when a task was handed to it meanwhile */
    private synchronized boolean retire(Worker worker) {
        return idle.remove(worker);
    }

    /** A task on its way to a thread. */
    private static final class Job<T> {

        static final Job<Void> STOP = new Job<>("", null);

        final String name;
        final FutureTask<T> future;
        private volatile boolean abandoned;

        Job(String name, FutureTask<T> future) {
            this.name = name;
            this.future = future;
        }

        void abandon() {
            abandoned = true;
            future.cancel(true);
        }
    }

    /** A thread with a large stack that runs the jobs handed to it, one at a time. */
    private final class Worker implements Runnable {

        final long stackBytes;
        final BlockingQueue<Job<?>> inbox = new LinkedBlockingQueue<>();
        private final Thread thread;

        Worker(long stackBytes) {
            this.stackBytes = stackBytes;
            thread = new Thread(null, this, "graft-compiler-" + THREADS.incrementAndGet(), stackBytes);
            thread.setDaemon(true);
            // not the context class loader of whichever caller happened to start the thread
            thread.setContextClassLoader(ContainedRun.class.getClassLoader());
            thread.start();
        }

        @Override
        public void run() {
            String idleName = thread.getName();
            while (true) {
                Job<?> job;
                try {
                    job = inbox.poll(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    job = null;
                }
                if (job == null) {
                    if (retire(this)) {
                        return;
                    }
                    continue;
                }
                if (job == Job.STOP) {
                    return;
                }
                thread.setName(idleName + "-" + job.name);
                job.future.run();
                Thread.interrupted();
                thread.setName(idleName);
                if (job.abandoned || !rest(this)) {
                    return;
                }
            }
        }
    }
}
