package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedBundlesTest {

    @TempDir
    Path tmp;

    private Path distribution(byte[] bundle) throws Exception {
        Path jar = tmp.resolve("graft.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("graft/bundles/some.bundle-1.0.0.jar"));
            out.write(bundle);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aBundleIsExtractedOnceUnderANameOfItsContentAndFoundAgainByTheNextRun() throws Exception {
        byte[] bundle = "bundle bytes".getBytes();
        ExtractedBundles extracted = ExtractedBundles.open(tmp.resolve("xdg").toString(), null).orElseThrow();
        assertEquals(tmp.resolve("xdg").resolve(ExtractedBundles.FOLDER), extracted.folder());
        try (JarFile jar = new JarFile(distribution(bundle).toFile())) {
            JarEntry entry = jar.getJarEntry("graft/bundles/some.bundle-1.0.0.jar");
            Path first = extracted.extract(jar, entry);
            assertTrue(first.getFileName().toString().matches("some\\.bundle-1\\.0\\.0-[0-9a-f]{8}-12\\.jar"), first.toString());
            assertArrayEquals(bundle, Files.readAllBytes(first));
            FileTime written = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
            Files.setLastModifiedTime(first, written);
            assertEquals(first, extracted.extract(jar, entry));
            assertEquals(written, Files.getLastModifiedTime(first), "not written again");
        }
        try (var left = Files.list(extracted.folder())) {
            assertEquals(1, left.count(), "no partial file is left");
        }
    }

    @Test
    void aFileOfTheWrongSizeIsExtractedAgain() throws Exception {
        byte[] bundle = "the whole bundle".getBytes();
        ExtractedBundles extracted = ExtractedBundles.open(tmp.resolve("xdg").toString(), null).orElseThrow();
        try (JarFile jar = new JarFile(distribution(bundle).toFile())) {
            JarEntry entry = jar.getJarEntry("graft/bundles/some.bundle-1.0.0.jar");
            Path file = extracted.extract(jar, entry);
            Files.write(file, "the whole".getBytes());
            assertArrayEquals(bundle, Files.readAllBytes(extracted.extract(jar, entry)));
        }
    }

    @Test
    void aFolderOthersCanWriteIsNotUsed() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("xdg").resolve(ExtractedBundles.FOLDER));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(ExtractedBundles.open(tmp.resolve("xdg").toString(), null).isEmpty());
    }

    @Test
    void withoutXdgCacheHomeTheFolderIsUnderTheHomeCache() {
        ExtractedBundles extracted = ExtractedBundles.open("", tmp.toString()).orElseThrow();
        assertEquals(tmp.resolve(".cache").resolve(ExtractedBundles.FOLDER), extracted.folder());
    }

    @Test
    void filesUnusedForThirtyDaysAndPartialFilesOfDeadRunsArePruned() throws Exception {
        ExtractedBundles extracted = ExtractedBundles.open(tmp.resolve("xdg").toString(), null).orElseThrow();
        Instant now = Instant.now();
        Path old = Files.writeString(extracted.folder().resolve("old-00000000-1.jar"), "x");
        Path recent = Files.writeString(extracted.folder().resolve("recent-00000000-1.jar"), "x");
        Path partial = Files.writeString(extracted.folder().resolve(".extracting-1.part"), "x");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(ExtractedBundles.UNUSED_DAYS + 1))));
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofDays(ExtractedBundles.UNUSED_DAYS - 1))));
        Files.setLastModifiedTime(partial, FileTime.from(now.minus(Duration.ofHours(2))));
        extracted.prune(now);
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(partial));
        assertTrue(Files.exists(recent));
    }
}
