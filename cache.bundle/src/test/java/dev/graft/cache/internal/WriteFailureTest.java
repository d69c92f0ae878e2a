package dev.graft.cache.internal;

import static dev.graft.cache.internal.Fixtures.build;
import static dev.graft.cache.internal.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.cache.MissReason;
import dev.graft.cache.StoreResult;

/** Disk full or permission denied: the store fails cleanly and the cache stays as it was. */
class WriteFailureTest {

    @TempDir
    Path tmp;

    private final Fixtures.RecordedWarnings warnings = new Fixtures.RecordedWarnings();

    /** Writes half of the bytes for real, then fails the way the kernel would. */
    private static AtomicFiles.Output failingAfterHalf(AtomicBoolean failing, IOException failure) {
        return (temp, data, point) -> {
            if (!failing.get()) {
                AtomicFiles.Output.FILE_CHANNEL.write(temp, data, point);
                return;
            }
            Files.write(temp, java.util.Arrays.copyOf(data, data.length / 2));
            throw failure;
        };
    }

    private void assertFailsCleanly(IOException failure) throws IOException {
        Path dir = tmp.resolve("cache");
        AtomicBoolean failing = new AtomicBoolean(false);
        CacheStore store = new CacheStore(StoreSettings.defaults(dir), Fixtures.HOST, WiringCheck.ANY, new Fixtures.TickingClock(),
            warnings, failingAfterHalf(failing, failure));
        assertTrue(store.put(key("before"), build("before")).stored());
        failing.set(true);

        StoreResult result = store.put(key("p"), build("p"));

        assertEquals(StoreResult.Outcome.FAILED, result.outcome());
        assertEquals(failure, result.cause().orElseThrow());
        assertTrue(result.detail().contains("used from memory"), result.detail());
        assertEquals(List.of(), Fixtures.temporaryFiles(dir), "the temporary file is removed");
        assertEquals(1, warnings.messages.size(), warnings.messages.toString());
        assertEquals(Optional.of(MissReason.ABSENT), store.find(key("p")).reason());
        assertTrue(store.find(key("before")).isHit(), "what was there still serves");
        assertTrue(store.verify().clean());
    }

    @Test
    void diskFullFailsCleanly() throws IOException {
        assertFailsCleanly(new IOException("No space left on device"));
    }

    @Test
    void permissionDeniedFailsCleanly() throws IOException {
        assertFailsCleanly(new AccessDeniedException("entries", null, "Permission denied"));
    }

    @Test
    void renameOntoSomethingInTheWayFailsCleanly() throws IOException {
        Path dir = tmp.resolve("cache");
        CacheStore store = Fixtures.store(StoreSettings.defaults(dir), warnings);
        assertTrue(store.put(key("before"), build("before")).stored());
        Path blocker = new Layout(dir).entry(key("p").value());
        Files.createDirectories(blocker.resolve("in-the-way"));

        StoreResult result = store.put(key("p"), build("p"));

        assertEquals(StoreResult.Outcome.FAILED, result.outcome());
        assertInstanceOf(IOException.class, result.cause().orElseThrow());
        assertEquals(List.of(), Fixtures.temporaryFiles(dir));
        assertEquals(1, warnings.messages.size(), warnings.messages.toString());
        assertTrue(store.find(key("before")).isHit());
    }
}
