package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.graft.compiler.Diagnostic;

/**
 * The restricted evaluation of a plugin's bnd files: what is refused, where it is reported, what bnd
 * gets. The attacks themselves are compiled in the framework by UntrustedFolderIT (test.bundle).
 */
class BndEvaluationTest {

    @TempDir
    Path temp;

    static BndEvaluation.Result evaluate(String bnd, String... pathsAndTexts) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("bnd.bnd", bnd.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return BndEvaluation.evaluate(PluginBnd.parse(files.get("bnd.bnd")), files);
    }

    static String errors(BndEvaluation.Result r) {
        return r.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    private String touch(Path marker) {
        return "touch " + marker;
    }

    private void assertRefusedWithoutRunning(Path marker, String bnd, String expectedError) throws Exception {
        BndEvaluation.Result r = evaluate(bnd);
        assertFalse(Files.exists(marker), "the command ran");
        assertTrue(errors(r).contains(expectedError), errors(r));
    }

    @Test
    void systemMacroIsRefusedAtItsPosition() throws Exception {
        Path marker = temp.resolve("marker");
        BndEvaluation.Result r = evaluate("Bundle-Version: 1.0.0\nX-Who: ${system;" + touch(marker) + "}\n");
        assertFalse(Files.exists(marker));
        assertEquals(List.of("bnd.bnd:2:10: error: macro ${system} is not allowed in a source plugin: it is neither a property"
            + " of the plugin nor one of the text, list and version macros a plugin may use"),
            r.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void macroOutputThatSpellsAMacroIsCheckedToo() throws Exception {
        Path marker = temp.resolve("marker");
        assertRefusedWithoutRunning(marker, "X: ${format;$%s;{system\\;" + touch(marker) + "}}\n", "macro ${system}");
    }

    @Test
    void includeOfAFileOfTheFolderIsEvaluatedWithTheSameRules() throws Exception {
        BndEvaluation.Result r = evaluate("-include: common.bnd\nX: ${v}\n", "common.bnd", "v: 1.2.3\nY: ${env;HOME}\n");
        assertEquals("common.bnd:2:6: error: macro ${env} is not allowed in a source plugin: it is neither a property"
            + " of the plugin nor one of the text, list and version macros a plugin may use", errors(r));
    }

    @Test
    void versionMacrosWork() throws Exception {
        BndEvaluation.Result r = evaluate("v: 1.2.3\nBundle-Version: ${v}\nX-Range: ${range;[==,+);${v}}\nX-Mask: ${versionmask;==;${v}}\n");
        assertEquals("", errors(r));
        assertEquals("[1.2,2)", r.bnd().properties().getProperty("X-Range"));
        assertEquals("1.2", r.bnd().properties().getProperty("X-Mask"));
    }

}
