package dev.graft.launch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web figures of docs/BENCHMARKS.md, for a servlet plugin under {@code graft run --http 0
 * --watch}: edit to new answer (from writing the file to the first answer of the new version,
 * minus the debounce), requests per second of 4 clients in a steady state and during 20 swaps,
 * and the failed requests of those swaps. Not part of {@code mvn verify} (failsafe runs only
 * {@code *IT} classes); {@code bench/web.sh} runs it and writes {@code distribution/target/web-benchmark.md}.
 */
class WebBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;
    private static final int SWAPS = 20;
    private static final long DEBOUNCE = 100;

    @TempDir
    Path tmp;
    Path site;
    GraftProcess graft;
    int version;

    private void write(int v) throws Exception {
        Path file = site.resolve("page/src/page/Page.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, WebSwapIT.servlet(v));
        version = v;
    }

    @Test
    void webFigures() throws Exception {
        site = Files.createDirectory(tmp.resolve("site"));
        write(0);
        graft = GraftProcess.start(tmp, "run", "--http", "0", "--watch", "--debounce", Long.toString(DEBOUNCE), "--site", site.toString(),
            "--cache", tmp.resolve("cache").toString());
        try {
            URI page = WebSwapIT.servedAt(graft).resolve("page");
            graft.awaitStderr("graft: watching", 60);
            HttpClient client = HttpClient.newHttpClient();
            while (WebSwapIT.version(answer(client, page)) != 0) {
                Thread.sleep(10);
            }
            List<Long> editToAnswer = new ArrayList<>();
            int swaps = 0;
            for (int i = 1; i <= WARM_UP + RUNS; i++) {
                long begin = System.nanoTime();
                write(version + 1);
                while (WebSwapIT.version(answer(client, page)) != version) {
                    Thread.sleep(2);
                }
                long millis = (System.nanoTime() - begin) / 1_000_000 - DEBOUNCE;
                graft.awaitLines("graft: watch: page changed", ++swaps, 60);
                if (i > WARM_UP) {
                    editToAnswer.add(millis);
                }
            }
            Collections.sort(editToAnswer);

            double steady = steadyRate(page, 4000);
            long swapNanos = 0;
            int duringSwaps;
            int failed;
            int requests;
            try (LoadClients clients = new LoadClients(page, 4, 0, 1_000_000, 0, WebSwapIT::version)) {
                int inSwaps = 0;
                for (int s = 1; s <= SWAPS; s++) {
                    int before = clients.requests();
                    long begin = System.nanoTime();
                    write(version + 1);
                    graft.awaitLines("graft: watch: page changed", ++swaps, 60);
                    swapNanos += System.nanoTime() - begin;
                    inSwaps += clients.requests() - before;
                }
                clients.finish();
                clients.await(60);
                duringSwaps = inSwaps;
                failed = clients.failures().size();
                requests = clients.requests();
            }
            double swapRate = duringSwaps / (swapNanos / 1e9);
            String table = "| figure | value |\n|---|---:|\n"
                + String.format(Locale.ROOT, "| edit to new answer, minus the %d ms debounce (median of %d; min, max) | %d ms (%d, %d) |%n",
                    DEBOUNCE, editToAnswer.size(), editToAnswer.get(editToAnswer.size() / 2), editToAnswer.get(0),
                    editToAnswer.get(editToAnswer.size() - 1))
                + String.format(Locale.ROOT, "| requests per second, 4 clients, steady state | %.0f |%n", steady)
                + String.format(Locale.ROOT, "| requests per second, 4 clients, during %d swaps (from each edit to its watch line) | %.0f |%n",
                    SWAPS, swapRate)
                + String.format(Locale.ROOT, "| failed requests across the %d swaps | %d of %d |%n", SWAPS, failed, requests);
            System.out.println(table);
            Files.writeString(Path.of("target", "web-benchmark.md"), table);
        } finally {
            graft.process().destroy();
            graft.await(60);
        }
    }

    /** @return requests per second of 4 clients without pauses, over the given number of requests */
    private static double steadyRate(URI page, int count) throws Exception {
        long begin = System.nanoTime();
        try (LoadClients clients = new LoadClients(page, 4, count, count, 0, WebSwapIT::version)) {
            clients.finish();
            clients.await(120);
            return clients.requests() / ((System.nanoTime() - begin) / 1e9);
        }
    }

    private static String answer(HttpClient client, URI page) throws Exception {
        return client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
