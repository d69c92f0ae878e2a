package dev.graft.test.it.compiler;

import static dev.graft.test.it.compiler.Plugins.describe;
import static dev.graft.test.it.compiler.Plugins.onlyError;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;

/** Calls that would end or take over the host are refused at compile time, at their line and column. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ForbiddenCallsIT {

    private static final String ENDS_THE_HOST = "it would end the host process and every other plugin with it; "
        + "throw an exception or stop the bundle instead";

    @InjectService
    PluginCompiler compiler;

    private static String errors(List<Diagnostic> diagnostics) {
        return describe(diagnostics.stream().filter(Diagnostic::isError).toList());
    }

    @Test
    void systemExitIsRefusedAtItsLineAndColumn() {
        Build build = compiler.compile(plugin("exits", "src/com/acme/Quit.java",
            "package com.acme;\n\npublic class Quit {\n    public void quit() {\n        System.exit(3);\n    }\n}\n"));
        Diagnostic error = onlyError(build);
        assertEquals("src/com/acme/Quit.java:5:16: error: forbidden method invocation java.lang.System#exit(int): " + ENDS_THE_HOST,
            error.toString());
        assertEquals("        System.exit(3);", error.sourceLine());
    }

    @Test
    void everyWayToEndOrTakeOverTheHostIsRefused() {
        Build build = compiler.compile(plugin("takeover", "src/com/acme/Takeover.java", """
            package com.acme;

            import java.util.function.IntConsumer;

            public class Takeover {
                void all() {
                    Runtime.getRuntime().halt(0);
                    Runnable later = () -> Runtime.getRuntime().exit(2);
                    IntConsumer exit = System::exit;
                    System.setOut(System.err);
                    Runtime.getRuntime().addShutdownHook(new Thread());
                }

                static class Stopper extends Thread {
                    void end() { stop(); }
                }
            }
            """));
        assertFalse(build.succeeded());
        assertTrue(build.bundle().isEmpty());
        assertEquals("""

            src/com/acme/Takeover.java:7:30: error: forbidden method invocation java.lang.Runtime#halt(int): %1$s
            src/com/acme/Takeover.java:8:53: error: forbidden method invocation java.lang.Runtime#exit(int): %1$s
            src/com/acme/Takeover.java:9:36: error: forbidden method invocation java.lang.System#exit(int): %1$s
            src/com/acme/Takeover.java:10:16: error: forbidden method invocation java.lang.System#setOut(java.io.PrintStream): \
            it would take the host's console from every other plugin and from Graft
            src/com/acme/Takeover.java:11:30: error: forbidden method invocation java.lang.Runtime#addShutdownHook(java.lang.Thread): \
            it would run plugin code when the host ends; stop work in the bundle's stop or a component's @Deactivate instead
            src/com/acme/Takeover.java:15:22: error: forbidden method invocation java.lang.Thread#stop(): \
            it stops or freezes a thread at an arbitrary point, leaving locks and state broken; interrupt the thread instead"""
            .formatted(ENDS_THE_HOST), errors(build.diagnostics()));
    }

    @Test
    void anAnnotationNamedSuppressForbiddenDoesNotExemptACall() {
        Build build = compiler.compile(plugin("sneaky",
            "src/de/thetaphi/forbiddenapis/SuppressForbidden.java",
            "package de.thetaphi.forbiddenapis;\n\npublic @interface SuppressForbidden {\n}\n",
            "src/com/acme/Sneaky.java",
            "package com.acme;\n\npublic class Sneaky {\n    @de.thetaphi.forbiddenapis.SuppressForbidden\n"
                + "    void quit() { System.exit(0); }\n}\n"));
        assertEquals("src/com/acme/Sneaky.java:5:26: error: forbidden method invocation java.lang.System#exit(int): " + ENDS_THE_HOST,
            onlyError(build).toString());
    }

    @Test
    void checkReportsAForbiddenCall() {
        CheckResult result = compiler.check(plugin("exits.checked", "src/com/acme/Quit.java",
            "package com.acme;\n\npublic class Quit {\n    public void quit() { Runtime.getRuntime().halt(1); }\n}\n"), List.of());
        assertFalse(result.ok());
        assertEquals("\nsrc/com/acme/Quit.java:4:47: error: forbidden method invocation java.lang.Runtime#halt(int): " + ENDS_THE_HOST,
            errors(result.diagnostics()));
    }

    @Test
    void signaturesOfTheCompileOptionsAreRefusedToo() {
        CompileOptions options = compiler.defaultOptions()
            .withForbiddenSignatures("java.lang.Class#forName(java.lang.String) @ this site loads no classes by name\n");
        Build build = compiler.compile(plugin("by.name", "src/com/acme/ByName.java",
            "package com.acme;\n\npublic class ByName {\n    Object load() throws Exception {\n"
                + "        return Class.forName(\"com.acme.Other\");\n    }\n}\n"), options, List.of());
        assertEquals("src/com/acme/ByName.java:5:22: error: forbidden method invocation java.lang.Class#forName(java.lang.String): "
            + "this site loads no classes by name", onlyError(build).toString());
    }

    @Test
    void signaturesThatNameNothingAreAClearError() {
        CompileOptions options = compiler.defaultOptions().withForbiddenSignatures("java.lang.Nope#never()\n");
        Build build = compiler.compile(plugin("bad.signatures", "src/com/acme/A.java", Plugins.hello("A")), options, List.of());
        String error = onlyError(build).toString();
        assertTrue(error.startsWith("<plugin>: error: the forbidden signatures of the compile options cannot be used: "), error);
        assertTrue(error.contains("java.lang.Nope"), error);
    }

    @Test
    void aPluginWithoutForbiddenCallsBuilds() {
        Build build = compiler.compile(plugin("fine", "src/com/acme/Fine.java",
            "package com.acme;\n\npublic class Fine {\n    String out() { System.out.println(\"ok\"); return \"exit\"; }\n}\n"));
        assertTrue(build.succeeded(), describe(build.diagnostics()));
    }
}
