package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.HostFingerprint;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.ProvenanceHeaders;
import dev.graft.host.PluginLoader;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;

/** A jar made by graft compile loads only on a host with the same fingerprint. */
@ExtendWith(ServiceExtension.class)
class PrecompiledJarIT {

    @InjectService
    PluginCompiler compiler;
    @InjectService
    PluginLoader loader;
    @TempDir
    Path tmp;

    @AfterEach
    void unload() {
        loader.unload("jarred");
    }

    private Path compiled() throws Exception {
        Path jar = tmp.resolve("jarred.jar");
        assertTrue(compiler.compileTo(TestPlugins.supplier("jarred", "from a jar").toSourcePlugin(), jar).succeeded());
        return jar;
    }

    @Test
    void aJarFromThisHostLoads() throws Exception {
        PluginRecord r = loader.loadJar(compiled());
        assertEquals(PluginState.ACTIVE, r.state(), r.problems()::toString);
        assertTrue(r.location().startsWith("graft:jarred/"), r.location());
    }

    @Test
    void aJarFromAnotherHostIsRefusedNamingTheVersionsThatDiffer() throws Exception {
        Path jar = compiled();
        HostFingerprint here = compiler.hostFingerprint();
        HostFingerprint there = new HostFingerprint(here.graft(), "3.1.0", here.bnd(), "11.0.2");
        Path foreign = withHeader(jar, ProvenanceHeaders.HOST_FINGERPRINT, there.canonical());
        PluginRecord r = loader.loadJar(foreign);
        assertEquals(PluginState.FAILED, r.state());
        assertEquals(foreign + ": built by another host; ECJ 3.1.0 there, " + here.ecj() + " here, Java 11.0.2 there, " + here.java()
            + " here", r.problems().get(0));
    }

    @Test
    void aJarWithoutProvenanceIsRefused() throws Exception {
        Path plain = withHeader(compiled(), ProvenanceHeaders.HOST_FINGERPRINT, null);
        PluginRecord r = loader.loadJar(plain);
        assertEquals(PluginState.FAILED, r.state());
        assertEquals(plain + ": not made by graft compile (no Graft-Host-Fingerprint header)", r.problems().get(0));
    }

    private Path withHeader(Path jar, String header, String value) throws Exception {
        Path out = tmp.resolve("changed-" + System.nanoTime() + ".jar");
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(Files.readAllBytes(jar)));
            OutputStream file = Files.newOutputStream(out)) {
            Manifest manifest = in.getManifest();
            if (value == null) {
                manifest.getMainAttributes().remove(new java.util.jar.Attributes.Name(header));
            } else {
                manifest.getMainAttributes().putValue(header, value);
            }
            try (JarOutputStream jarOut = new JarOutputStream(file, manifest)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    jarOut.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jarOut);
                    jarOut.closeEntry();
                }
            }
        }
        return out;
    }
}
