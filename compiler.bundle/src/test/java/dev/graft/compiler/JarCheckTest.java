package dev.graft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

class JarCheckTest {

    static byte[] jar(String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(bytes, m)) {
            for (String e : entries) {
                out.putNextEntry(new JarEntry(e));
                out.write(("content of " + e).repeat(50).getBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aWholeJarPasses() throws Exception {
        assertEquals(Optional.empty(), JarCheck.problem(jar("a/A.class", "a/b.txt")));
    }

    @Test
    void aJarCutShortAnywhereFails() throws Exception {
        byte[] whole = jar("a/A.class", "a/b.txt", "c/C.class");
        for (int length : new int[] { 0, 10, whole.length / 2, whole.length - 30, whole.length - 1 }) {
            Optional<String> problem = JarCheck.problem(Arrays.copyOf(whole, length));
            assertTrue(problem.isPresent() && problem.get().startsWith("not a complete jar"), length + ": " + problem);
        }
    }

    @Test
    void aDamagedEntryFails() throws Exception {
        byte[] whole = jar("a/A.class");
        byte[] damaged = whole.clone();
        damaged[60] ^= 0x55;
        damaged[61] ^= 0x55;
        assertTrue(JarCheck.problem(damaged).isPresent());
    }
}
