package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real graft.jar, run as a separate process. */
class LauncherIT {

    @TempDir
    Path tmp;

    @Test
    void versionPrintsEveryPartAndExitsZero() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "--version");
        assertEquals(0, r.exitCode(), r.err());
        for (String part : List.of("Graft ", "Felix ", "SCR ", "ECJ ", "bndlib ", "Java ")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(part)), "no line for " + part + " in:\n" + r.out());
        }
        assertTrue(r.out().contains("Felix   7.0.5"), r.out());
        assertNoStorageLeft();
    }

    @Test
    void helpListsUsageAndExitCodesAndExitsZero() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("usage: graft"), r.out());
        assertTrue(r.out().contains("Commands:"), r.out());
        assertTrue(r.out().contains("\n  config     print the effective configuration of a plugin, each value with the file and line"), r.out());
        assertTrue(r.out().contains("Exit codes: 0 ok"), r.out());
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitCodeTwo() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "frobnicate");
        assertEquals(2, r.exitCode());
        assertEquals("graft: unknown command 'frobnicate'. Run 'graft --help' for the list of commands.", r.err().strip());
        assertEquals("", r.out());
        assertNoStorageLeft();
    }

    @Test
    void everyCommandHasHelpThatExitsZero() throws Exception {
        for (String command : List.of("run", "check", "compile", "list", "which", "cache", "shell")) {
            GraftProcess.Result r = GraftProcess.run(tmp, command, "--help");
            assertEquals(0, r.exitCode(), command + ": " + r.err());
            assertTrue(r.out().startsWith("usage: graft " + command), command + ":\n" + r.out());
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCodeTwo() throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--frobnicate");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("graft run: unknown option --frobnicate",
            "usage: graft run [--site DIR]... [--cache DIR] [--cache-max-entries N] [--remote-cache URL [--remote-cache-read-only] [--remote-cache-ca FILE]] [--policy FILE] [--jar FILE]... [--http [HOST:]PORT] [--config DIR] [--once | --watch [--debounce MS] [--poll MS]] [--no-cache] [--verbose]"), r.err().lines().toList());
    }

    @Test
    void theRuntimeBundlesAreExtractedOnceAndInstalledFromThereByReference() throws Exception {
        Path xdg = tmp.resolve("xdg");
        assertEquals(0, GraftProcess.run(tmp, java.util.Map.of("XDG_CACHE_HOME", xdg.toString()), "--version").exitCode());
        Path folder = xdg.resolve(ExtractedBundles.FOLDER);
        List<Path> first;
        try (Stream<Path> files = Files.list(folder)) {
            first = files.sorted().toList();
        }
        assertTrue(first.size() > 10 && first.stream().allMatch(f -> f.toString().endsWith(".jar")), first::toString);
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(first.get(0));
        GraftProcess.Result again = GraftProcess.run(tmp, java.util.Map.of("XDG_CACHE_HOME", xdg.toString()), "list");
        assertEquals(0, again.exitCode(), again.err());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(first, files.sorted().toList());
        }
        assertEquals(written, Files.getLastModifiedTime(first.get(0)), "the second run reads what the first extracted");
        assertNoStorageLeft();
    }

    @Test
    void aRuntimeFolderOthersCanWriteIsIgnoredAndTheBundlesAreCopiedFromTheJar() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("xdg").resolve(ExtractedBundles.FOLDER));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        GraftProcess.Result r = GraftProcess.run(tmp, java.util.Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString()), "--version");
        assertEquals(0, r.exitCode(), r.err());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count(), "nothing was written to a folder others can write");
        }
    }

    private void assertNoStorageLeft() throws IOException {
        try (Stream<Path> left = Files.list(tmp)) {
            List<Path> storage = left.filter(p -> p.getFileName().toString().startsWith(FrameworkStorage.PREFIX)).toList();
            assertTrue(storage.isEmpty(), "framework storage left behind: " + storage);
        }
    }
}
