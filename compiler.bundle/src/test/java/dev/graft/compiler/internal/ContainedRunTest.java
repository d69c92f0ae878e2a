package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContainedRunTest {

    private static final long STACK = 64L << 20;
    private static final long DEADLINE = 10_000;

    private final ContainedRun threads = new ContainedRun(2);

    @AfterEach
    void close() {
        threads.close();
    }

    @Test
    void aThreadWhoseTaskIsDoneRunsTheNextTask() throws Exception {
        Thread first = threads.run("a", STACK, DEADLINE, Thread::currentThread);
        assertNotSame(Thread.currentThread(), first);
        assertTrue(first.getName().startsWith("graft-compiler-"), first.getName());
        assertTrue(first.isDaemon());
        assertSame(first, waitUntilIdleThen(() -> threads.run("b", STACK, DEADLINE, Thread::currentThread)));
    }

    @Test
    void theThreadIsNamedAfterWhatRuns() throws Exception {
        assertTrue(threads.run("my.plugin", STACK, DEADLINE, () -> Thread.currentThread().getName()).endsWith("-my.plugin"));
    }

    @Test
    void deepRecursionFitsTheLargeStack() throws Exception {
        assertEquals(200_000, threads.run("deep", STACK, DEADLINE, () -> depth(200_000)));
    }

    @Test
    void anErrorOfTheTaskIsTheCauseOfAnExecutionException() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> threads.run("overflow", 256 << 10, DEADLINE, () -> depth(Integer.MAX_VALUE)));
        assertInstanceOf(StackOverflowError.class, e.getCause());
        assertEquals("fine", threads.run("after", 256 << 10, DEADLINE, () -> "fine"), "the thread survives the error");
    }

    @Test
    void aThreadLeftRunningAtTheDeadlineIsInterruptedAndNeverReused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> stuck = new AtomicReference<>();
        assertThrows(TimeoutException.class, () -> threads.run("stuck", STACK, 1000, () -> {
            stuck.set(Thread.currentThread());
            started.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // a runaway compile may ignore the interrupt
                }
            }
            return null;
        }));
        // a deadline that passes before the task begins cancels it: the deadline leaves a loaded machine time to start it
        assertTrue(started.await(0, TimeUnit.SECONDS), "the task was running at its deadline");
        Thread next = threads.run("next", STACK, DEADLINE, Thread::currentThread);
        assertNotSame(stuck.get(), next);
        release.countDown();
        stuck.get().join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(stuck.get().isAlive(), "the abandoned thread ends once its task returns");
    }

    @Test
    void concurrentRunsGetThreadsOfTheirOwn() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicReference<Thread> other = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                other.set(threads.run("one", STACK, DEADLINE, () -> meet(bothRunning)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        caller.start();
        Thread mine = threads.run("two", STACK, DEADLINE, () -> meet(bothRunning));
        caller.join();
        assertNotSame(mine, other.get());
    }

    @Test
    void anotherStackSizeGetsAnotherThread() throws Exception {
        Thread large = threads.run("large", STACK, DEADLINE, Thread::currentThread);
        Thread small = waitUntilIdleThen(() -> threads.run("small", 1L << 20, DEADLINE, Thread::currentThread));
        assertNotSame(large, small);
        large.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(large.isAlive(), "a thread of the old size ends");
    }

    @Test
    void closingEndsTheIdleThreads() throws Exception {
        Thread t = threads.run("a", STACK, DEADLINE, Thread::currentThread);
        waitUntilIdleThen(() -> null);
        threads.close();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive());
        assertEquals(0, threads.idleThreads());
    }

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    private static Thread meet(CountDownLatch latch) throws InterruptedException {
        latch.countDown();
        assertTrue(latch.await(10, TimeUnit.SECONDS));
        return Thread.currentThread();
    }

    /** The caller may get its result a moment before the thread is back among the idle ones. */
    private <T> T waitUntilIdleThen(java.util.concurrent.Callable<T> next) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.idleThreads() == 0 && System.nanoTime() < end) {
            Thread.sleep(1);
        }
        return next.call();
    }
}
