package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

class JdkPackagesTest {

    private static byte[] fromTheJdk(String path) throws Exception {
        try (InputStream in = Object.class.getModule().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aClassFileIsReadOnceAndKept() throws Exception {
        JdkPackages jdk = new JdkPackages();
        byte[] first = jdk.read("java.lang", "java/lang/Object.class");
        assertEquals(java.util.Arrays.toString(fromTheJdk("java/lang/Object.class")), java.util.Arrays.toString(first));
        assertSame(first, jdk.read("java.lang", "java/lang/Object.class"));
        assertTrue(jdk.keptBytes() >= first.length);
    }

    @Test
    void aMissingClassStaysMissing() {
        JdkPackages jdk = new JdkPackages();
        assertNull(jdk.read("java.lang", "java/lang/NoSuchThing.class"));
        assertNull(jdk.read("java.lang", "java/lang/NoSuchThing.class"));
        assertNull(jdk.read("com.example", "com/example/Thing.class"), "not a JDK package");
    }

    @Test
    void beyondTheLimitClassesAreReadAgainEachTime() {
        JdkPackages jdk = new JdkPackages(1);
        byte[] first = jdk.read("java.util", "java/util/List.class");
        byte[] second = jdk.read("java.util", "java/util/List.class");
        assertNotSame(first, second);
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(second));
        assertEquals(0, jdk.keptBytes());
    }
}
