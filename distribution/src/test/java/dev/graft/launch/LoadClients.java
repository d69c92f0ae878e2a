package dev.graft.launch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * A bounded client loop on loopback: a few threads call one URL over and over with the JDK's
 * HttpClient, each request a pause after the previous one's answer, until told to finish (and at least a
 * minimum of requests is done) or a hard bound of requests or time is reached. Records every
 * failure (a status other than 200, an exception) and, per thread, whether an answer ever came from
 * an older version than one the thread had already seen.
 */
final class LoadClients implements AutoCloseable {

    /** One failed request: when (ms since the start), and what went wrong. */
    record Failure(long atMillis, String what) {
    }

    private final URI uri;
    private final ToIntFunction<String> version;
    private final int minimum;
    private final int maximum;
    private final long pauseMillis;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger backwards = new AtomicInteger();
    private final AtomicBoolean finish = new AtomicBoolean();
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private final List<Integer> lastVersions = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch done;
    /** Counted down by each thread at its first answer, whatever it was. */
    private final CountDownLatch firstAnswers;
    private final long start = System.nanoTime();

    /**
     * Starts the threads.
     *
     * @param version reads the version from an answer's body (-1: none)
     * @param minimum requests to make at least, also after {@link #finish()}
     * @param maximum requests to make at most
     * @param pauseMillis how long each thread waits after an answer before its next request
     */
    LoadClients(URI uri, int threadCount, int minimum, int maximum, long pauseMillis, ToIntFunction<String> version) {
        this.uri = uri;
        this.pauseMillis = pauseMillis;
        this.version = version;
        this.minimum = minimum;
        this.maximum = maximum;
        this.done = new CountDownLatch(threadCount);
        this.firstAnswers = new CountDownLatch(threadCount);
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::loop, "load-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop() {
        int seen = -1;
        int last = -1;
        try {
            while (true) {
                int n = requests.get();
                if (n >= maximum || finish.get() && n >= minimum) {
                    return;
                }
                if (!requests.compareAndSet(n, n + 1)) {
                    continue;
                }
                try {
                    Thread.sleep(pauseMillis);
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                    firstAnswers.countDown();
                    if (answer.statusCode() != 200) {
                        failures.add(new Failure(millis(), "status " + answer.statusCode() + ": " + answer.body().strip()));
                        continue;
                    }
                    last = version.applyAsInt(answer.body());
                    if (last < seen) {
                        backwards.incrementAndGet();
                    }
                    seen = Math.max(seen, last);
                } catch (java.io.IOException e) {
                    failures.add(new Failure(millis(), e.toString()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            lastVersions.add(last);
            done.countDown();
        }
    }

    private long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** @return whether every thread had an answer within the time: the clients are past their first connection */
    boolean awaitFirstAnswers(long seconds) throws InterruptedException {
        return firstAnswers.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the threads end once the minimum is reached. */
    void finish() {
        finish.set(true);
    }

    /** @return whether every thread ended within the time given */
    boolean await(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    int requests() {
        return requests.get();
    }

    List<Failure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** @return how many answers came from an older version than the same thread had seen before */
    int backwards() {
        return backwards.get();
    }

    /** @return the version of each thread's last answer, once the threads ended */
    List<Integer> lastVersions() {
        synchronized (lastVersions) {
            return List.copyOf(lastVersions);
        }
    }

    @Override
    public void close() {
        finish();
        threads.forEach(Thread::interrupt);
    }
}
