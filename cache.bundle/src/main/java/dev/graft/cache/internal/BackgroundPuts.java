package dev.graft.cache.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stores builds on a thread of their own, in the order they come, so that whoever built one need
 * not wait for its fsyncs. Whoever looks at the cache waits first for the stores it could see:
 * {@link #await(String)} for one key, {@link #awaitAll()} for every store queued so far.
 */
final class BackgroundPuts {

    private final Warnings warnings;
    private final ExecutorService writer;
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    BackgroundPuts(Warnings warnings) {
        this(warnings, "graft-cache-writer");
    }

    /** @param threadName the name of the thread that runs the stores */
    BackgroundPuts(Warnings warnings, String threadName) {
        this.warnings = warnings;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a store of the key; a store that throws is reported as a warning. */
    void submit(String key, Runnable store) {
        CompletableFuture<Void> stored = CompletableFuture.runAsync(store, writer);
        pending.put(key, stored);
        stored.whenComplete((ok, failure) -> {
            pending.remove(key, stored);
            if (failure != null) {
                warnings.warn("could not store " + key + " in the background: " + failure.getCause(), failure.getCause());
            }
        });
    }

    /** Waits until the latest queued store of the key, if any, is done. */
    void await(String key) {
        CompletableFuture<Void> stored = pending.get(key);
        if (stored != null) {
            join(stored);
        }
    }

    /** Waits until every store queued before this call is done. */
    void awaitAll() {
        for (CompletableFuture<Void> stored : List.copyOf(pending.values())) {
            join(stored);
        }
    }

    /** Finishes the queued stores, waiting at most the given time, and takes no more. */
    void close(long timeoutMillis) {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                warnings.warn(pending.size() + " cache stores were still queued after " + timeoutMillis + " ms; they are lost", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(CompletableFuture<Void> stored) {
        try {
            stored.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // reported when it failed; a later look finds no entry
        }
    }
}
