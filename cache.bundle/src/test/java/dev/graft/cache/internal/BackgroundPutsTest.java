package dev.graft.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BackgroundPutsTest {

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final BackgroundPuts puts = new BackgroundPuts((message, cause) -> warnings.add(message));

    @Test
    void awaitingAKeyWaitsForItsStore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        puts.submit("a", () -> {
            await(release);
            stored.add("a");
        });
        Thread releaser = new Thread(() -> {
            sleep(100);
            release.countDown();
        });
        releaser.start();
        puts.await("a");
        assertEquals(List.of("a"), stored);
        puts.await("unknown");
        puts.close(1000);
    }

    @Test
    void awaitingAllWaitsForEveryQueuedStoreInOrder() {
        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        for (String key : List.of("a", "b", "c")) {
            puts.submit(key, () -> {
                sleep(20);
                stored.add(key);
            });
        }
        puts.awaitAll();
        assertEquals(List.of("a", "b", "c"), stored);
        puts.close(1000);
    }

    @Test
    void aFailingStoreIsAWarningAndDoesNotStopTheNext() {
        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        puts.submit("bad", () -> {
            throw new IllegalStateException("disk on fire");
        });
        puts.submit("good", () -> stored.add("good"));
        puts.awaitAll();
        puts.await("bad");
        assertEquals(List.of("good"), stored);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("could not store bad") && warnings.get(0).contains("disk on fire"), warnings.get(0));
        puts.close(1000);
    }

    @Test
    void closingFinishesTheQueuedStores() {
        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            String key = "k" + i;
            puts.submit(key, () -> {
                sleep(10);
                stored.add(key);
            });
        }
        puts.close(5000);
        assertEquals(5, stored.size(), stored::toString);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
