package dev.graft.test.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.GraftMain;

/** graft --version names the framework it runs in, read from the system bundle (run on Felix and on Equinox). */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class VersionIT {

    @InjectBundleContext
    BundleContext context;

    @SuppressWarnings("rawtypes")
    @InjectService(filter = "(" + GraftMain.PROPERTY + "=true)")
    ToIntFunction commandLine;

    @Test
    @SuppressWarnings("unchecked")
    void versionNamesTheRunningFrameworkAndItsVersion() {
        Bundle system = context.getBundle(0);
        String expected = switch (system.getSymbolicName()) {
            case "org.apache.felix.framework" -> "Felix";
            case "org.eclipse.osgi" -> "Equinox";
            default -> system.getSymbolicName();
        };
        String out = printed(() -> assertEquals(GraftMain.EXIT_OK, commandLine.applyAsInt(new String[] {"--version"})));
        assertTrue(out.lines().anyMatch(l -> l.equals(String.format("%-7s %s", expected, system.getVersion()))),
            "no line '" + expected + " " + system.getVersion() + "' in:\n" + out);
        if (!expected.equals("Felix")) {
            assertTrue(out.lines().noneMatch(l -> l.startsWith("Felix ")), "Felix is named on " + expected + ":\n" + out);
        }
    }

    private static String printed(Runnable action) {
        PrintStream before = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
