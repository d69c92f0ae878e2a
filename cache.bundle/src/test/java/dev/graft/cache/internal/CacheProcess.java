package dev.graft.cache.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;

import dev.graft.cache.CacheKey;
import dev.graft.cache.Lookup;
import dev.graft.cache.MissReason;
import dev.graft.cache.RemoteStats;
import dev.graft.cache.StoreResult;

/**
 * A second process for the multi-process tests: runs the real store on a directory and reports on
 * standard output. Exit code 0 means every operation behaved; anything else is a failure.
 *
 * <pre>
 * put DIR NAME              store one build (may pause: -Dgraft.cache.pauseAt=...)
 * put-at-gate DIR NAME      open the cache, print "ready", wait for a line on stdin, store, print the outcome
 * torture DIR SEED OPS MAX  random find/put/prune on NAMES keys with maxEntries=MAX
 * count-remote DIR URL N    open the cache, print "ready", wait for a line on stdin, then record N times
 *                           one remote hit and 10 bytes downloaded of URL, print "recorded N"
 * </pre>
 */
public final class CacheProcess {

    static final int NAMES = 40;

    private CacheProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "put" -> {
                StoreResult r = store(dir, 100).put(Fixtures.key(args[2]), Fixtures.build(args[2]));
                System.out.println(r.outcome());
                System.exit(r.stored() ? 0 : 1);
            }
            case "put-at-gate" -> {
                CacheStore store = store(dir, 100);
                Lookup before = store.find(Fixtures.key(args[2]));
                System.out.println("ready " + before.reason().orElse(null));
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                StoreResult r = store.put(Fixtures.key(args[2]), Fixtures.build(args[2]));
                System.out.println(r.outcome());
                System.exit(r.stored() ? 0 : 1);
            }
            case "count-remote" -> {
                CacheStore store = store(dir, 100);
                store.find(Fixtures.key("opens-the-cache"));
                System.out.println("ready");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                int n = Integer.parseInt(args[3]);
                int recorded = 0;
                for (int i = 0; i < n; i++) {
                    if (store.recordRemote(new RemoteStats(args[2], true, 1, 0, 0, 0, 0, 0, 0, 10, 0))) {
                        recorded++;
                    }
                }
                System.out.println("recorded " + recorded);
                System.exit(recorded == n ? 0 : 1);
            }
            case "torture" -> System.exit(torture(dir, Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4])));
            default -> throw new IllegalArgumentException(Arrays.toString(args));
        }
    }

    private static CacheStore store(Path dir, int maxEntries) {
        return new CacheStore(StoreSettings.defaults(dir).withMaxEntries(maxEntries), Fixtures.HOST, WiringCheck.ANY,
            Clock.systemUTC(), (message, cause) -> System.err.println("warning: " + message), PausingOutput.fromSystemProperty());
    }

    static String name(int i) {
        return "plugin-" + i;
    }

    private static int torture(Path dir, long seed, int ops, int maxEntries) {
        CacheStore store = store(dir, maxEntries);
        Random random = new Random(seed);
        int failures = 0;
        int hits = 0;
        int puts = 0;
        int prunes = 0;
        for (int i = 0; i < ops; i++) {
            String name = name(random.nextInt(NAMES));
            CacheKey key = Fixtures.key(name);
            int op = random.nextInt(10);
            try {
                if (op < 5) {
                    Lookup found = store.find(key);
                    if (found.isHit()) {
                        hits++;
                        if (!Arrays.equals(found.bundle().orElseThrow(), Fixtures.jar(name, 0))) {
                            failures++;
                            System.out.println("FAIL wrong bytes for " + name);
                        }
                    } else if (found.reason().orElseThrow() != MissReason.ABSENT) {
                        failures++;
                        System.out.println("FAIL " + found);
                    }
                } else if (op < 9) {
                    StoreResult r = store.put(key, Fixtures.build(name));
                    puts++;
                    if (!r.stored()) {
                        failures++;
                        System.out.println("FAIL put " + r.outcome() + " " + r.detail());
                    }
                } else {
                    store.prune();
                    prunes++;
                }
            } catch (RuntimeException e) {
                failures++;
                System.out.println("FAIL " + e);
            }
        }
        System.out.println("done failures=" + failures + " hits=" + hits + " puts=" + puts + " prunes=" + prunes);
        return failures == 0 ? 0 : 1;
    }
}
