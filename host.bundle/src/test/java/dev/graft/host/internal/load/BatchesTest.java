package dev.graft.host.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class BatchesTest {

    private static String await(Future<String> f) {
        return ((CompletableFuture<String>) f).join();
    }

    private static List<List<String>> batches(List<CompletableFuture<String>> futures) {
        List<List<String>> out = new ArrayList<>();
        Batches.ready(futures, BatchesTest::await).forEach(out::add);
        return out;
    }

    @Test
    void resultsThatAreAllDoneFormOneBatch() {
        List<CompletableFuture<String>> futures = List.of(CompletableFuture.completedFuture("a"), CompletableFuture.completedFuture("b"),
            CompletableFuture.completedFuture("c"));
        assertEquals(List.of(List.of("a", "b", "c")), batches(futures));
    }

    @Test
    void aBatchEndsAtTheFirstResultNotYetDoneAndTheNextOneWaitsForIt() {
        CompletableFuture<String> late = new CompletableFuture<>();
        List<CompletableFuture<String>> futures = List.of(CompletableFuture.completedFuture("a"), late,
            CompletableFuture.completedFuture("c"));
        List<List<String>> out = new ArrayList<>();
        for (List<String> batch : Batches.ready(futures, BatchesTest::await)) {
            out.add(batch);
            late.complete("b");
        }
        assertEquals(List.of(List.of("a"), List.of("b", "c")), out, "order kept, the first result does not wait for the last");
    }

    @Test
    void noFuturesGiveNoBatch() {
        assertEquals(List.of(), batches(List.of()));
    }
}
