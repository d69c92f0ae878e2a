package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin folder is untrusted input: bytes that are not UTF-8 fail that plugin, with file and byte
 * offset, in check, compile and run alike; an import policy given with --policy holds in each, and
 * a site's import-policy.txt holds beside it.
 */
class UntrustedInputIT {

    private static final String BND_ERROR = "bnd.bnd:2:12: error: malformed UTF-8: byte 0xE9 at byte offset 33 is not valid UTF-8";
    private static final String SOURCE_ERROR = "src/b/B.java:1:15: error: malformed UTF-8: byte 0xE9 at byte offset 14 is not valid UTF-8";

    @TempDir
    Path tmp;
    Path site;

    @BeforeEach
    void folders() throws Exception {
        site = Files.createDirectory(tmp.resolve("site"));
    }

    /** @return the text with 0xE9 (an 'é' in Latin-1, not valid UTF-8) between the two parts */
    private static byte[] latin1(String before, String after) {
        byte[] head = before.getBytes(StandardCharsets.US_ASCII);
        byte[] tail = after.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        return bytes;
    }

    /** A plugin whose bnd.bnd holds "café" in Latin-1. */
    private Path badBnd() throws Exception {
        Path plugin = Files.createDirectories(site.resolve("latin1bnd/src/b"));
        Files.writeString(plugin.resolve("B.java"), "package b;\npublic class B {}\n");
        Files.write(site.resolve("latin1bnd/bnd.bnd"), latin1("Bundle-Version: 1.0.0\nX-Name: caf", "\n"));
        return site.resolve("latin1bnd");
    }

    /** A plugin whose source holds "é" in Latin-1 in a comment. */
    private Path badSource() throws Exception {
        Path plugin = Files.createDirectories(site.resolve("latin1src/src/b"));
        Files.write(plugin.resolve("B.java"), latin1("package b; // ", "\npublic class B {}\n"));
        return site.resolve("latin1src");
    }

    /** Runs the site once: the plugin fails, is counted (exit 1) and the error is printed. */
    private void assertRunFailsWith(String error) throws Exception {
        GraftProcess.Result r = GraftProcess.run(tmp, "run", "--once", "--no-cache", "--site", site.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains(error), r.out() + r.err());
    }

    @Test
    void runCountsAPluginWhoseBndBndIsNotUtf8AsFailed() throws Exception {
        badBnd();
        assertRunFailsWith(BND_ERROR);
    }

    @Test
    void runCountsAPluginWhoseSourceIsNotUtf8AsFailed() throws Exception {
        badSource();
        assertRunFailsWith(SOURCE_ERROR);
    }

    @Test
    void checkAndCompileFailOnABndBndThatIsNotUtf8() throws Exception {
        Path plugin = badBnd();
        GraftProcess.Result check = GraftProcess.run(tmp, "check", plugin.toString());
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains(plugin.resolve(BND_ERROR).toString()), check.out() + check.err());
        Path jar = tmp.resolve("out.jar");
        GraftProcess.Result compile = GraftProcess.run(tmp, "compile", plugin.toString(), "-o", jar.toString());
        assertEquals(1, compile.exitCode(), compile.out() + compile.err());
        assertTrue((compile.out() + compile.err()).contains(BND_ERROR), compile.out() + compile.err());
        assertFalse(Files.exists(jar));
    }

    /** A plugin that imports org.osgi.framework, and a policy that denies it. */
    private Path policyAndPlugin() throws Exception {
        Path plugin = Files.createDirectories(site.resolve("activator/src/a"));
        Files.writeString(plugin.resolve("A.java"), "package a;\n\nimport org.osgi.framework.BundleActivator;\n\n"
            + "public abstract class A implements BundleActivator {\n}\n");
        return Files.writeString(tmp.resolve("site.policy"), "# no framework access\ndeny org.osgi.framework\n");
    }

    @Test
    void checkCompileAndRunHoldPluginsToThePolicyFile() throws Exception {
        Path policy = policyAndPlugin();
        String denied = "src/a/A.java:3:8: error: importing package org.osgi.framework is denied by the site's import policy"
            + " (deny org.osgi.framework)";
        Path plugin = site.resolve("activator");
        GraftProcess.Result check = GraftProcess.run(tmp, "check", "--policy", policy.toString(), plugin.toString());
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains(plugin.resolve(denied).toString()), check.out() + check.err());
        GraftProcess.Result compile = GraftProcess.run(tmp, "compile", "--policy", policy.toString(), plugin.toString(), "-o",
            tmp.resolve("a.jar").toString());
        assertEquals(1, compile.exitCode(), compile.out() + compile.err());
        GraftProcess.Result run = GraftProcess.run(tmp, "run", "--once", "--no-cache", "--policy", policy.toString(), "--site", site.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue((run.out() + run.err()).contains(denied), run.out() + run.err());
        GraftProcess.Result without = GraftProcess.run(tmp, "check", plugin.toString());
        assertEquals(0, without.exitCode(), without.out() + without.err());
    }

    @Test
    void policyFileWithALineThatIsNotARuleIsAUsageError() throws Exception {
        Path policy = Files.writeString(tmp.resolve("bad.policy"), "deny com.acme\nforbid everything\n");
        GraftProcess.Result r = GraftProcess.run(tmp, "check", "--policy", policy.toString(), site.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(policy + ":2: not a rule: 'forbid everything'"), r.err());
    }

    @Test
    void theSitesPolicyFileHoldsInRunAndCheckEvenWhereThePolicyOptionAllows() throws Exception {
        policyAndPlugin();
        Files.writeString(site.resolve("import-policy.txt"), "deny org.osgi.framework\n");
        Path allowing = Files.writeString(tmp.resolve("allowing.policy"), "allow org.osgi.framework\n");
        String denied = "src/a/A.java:3:8: error: importing package org.osgi.framework is denied by the site's import policy"
            + " (deny org.osgi.framework)";
        GraftProcess.Result run = GraftProcess.run(tmp, "run", "--once", "--policy", allowing.toString(), "--site", site.toString(),
            "--cache", tmp.resolve("cache").toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue((run.out() + run.err()).contains(denied), run.out() + run.err());
        GraftProcess.Result check = GraftProcess.run(tmp, "check", site.resolve("activator").toString());
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains(denied), check.out() + check.err());
    }
}
