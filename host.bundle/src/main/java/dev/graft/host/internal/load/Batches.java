package dev.graft.host.internal.load;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Groups the results of futures, in their order, into batches of what is ready: each batch waits
 * for the next result and takes every following one that is already done. Results that come in
 * together are handled together; the first result never waits for the last.
 */
final class Batches {

    private Batches() {
    }

    /**
     * @param futures the futures, in the order their results are wanted
     * @param await gets a future's result, waiting if needed
     * @return the batches, each non-empty, together holding every result once in order
     */
    static <T> Iterable<List<T>> ready(List<? extends Future<T>> futures, Function<Future<T>, T> await) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < futures.size();
            }

            @Override
            public List<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<T> batch = new ArrayList<>();
                batch.add(await.apply(futures.get(next++)));
                while (next < futures.size() && futures.get(next).isDone()) {
                    batch.add(await.apply(futures.get(next++)));
                }
                return batch;
            }
        };
    }
}
