package dev.graft.host.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void theFrameworkIsNamedByItsSystemBundle() {
        assertEquals("Felix", Versions.frameworkName("org.apache.felix.framework"));
        assertEquals("Equinox", Versions.frameworkName("org.eclipse.osgi"));
        assertEquals("com.example.framework", Versions.frameworkName("com.example.framework"));
    }
}
