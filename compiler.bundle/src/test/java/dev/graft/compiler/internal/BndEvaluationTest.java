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

/** The restricted evaluation of a plugin's bnd files: what is refused, where it is reported, what bnd gets. */
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
    void unicodeEscapedDollarDoesNotHideTheSystemMacro() throws Exception {
        Path marker = temp.resolve("marker");
        assertRefusedWithoutRunning(marker, "X: \\u0024{system;" + touch(marker) + "}\n", "bnd.bnd:1:");
    }

    @Test
    void lineContinuationInsideTheMacroNameDoesNotHideIt() throws Exception {
        Path marker = temp.resolve("marker");
        assertRefusedWithoutRunning(marker, "X: ${sys\\\n  tem;" + touch(marker) + "}\n", "macro ${system}");
    }

    @Test
    void macroNameMadeByAnotherMacroIsRefused() throws Exception {
        Path marker = temp.resolve("marker");
        assertRefusedWithoutRunning(marker, "cmd: system\nX: ${${cmd};" + touch(marker) + "}\n", "macro ${system}");
    }

    @Test
    void systemAllowFailIsRefused() throws Exception {
        Path marker = temp.resolve("marker");
        assertRefusedWithoutRunning(marker, "X: ${system_allow_fail;" + touch(marker) + "}\n", "macro ${system_allow_fail}");
    }

    @Test
    void macroWithArgumentsCannotRunACommandThroughItsTemplate() throws Exception {
        Path marker = temp.resolve("marker");
        assertRefusedWithoutRunning(marker, "t: ${system;${1}}\nX: ${t;" + touch(marker) + "}\n", "macro ${system}");
    }

    @Test
    void macroOutputThatSpellsAMacroIsCheckedToo() throws Exception {
        Path marker = temp.resolve("marker");
        assertRefusedWithoutRunning(marker, "X: ${format;$%s;{system\\;" + touch(marker) + "}}\n", "");
        assertFalse(evaluate("X: ${format;$%s;{system\\;" + touch(marker) + "}}\n").errors().isEmpty());
    }

    @Test
    void includeOfAFileOutsideTheFolderIsRefused() throws Exception {
        Path outside = temp.resolve("outside.bnd");
        Path marker = temp.resolve("marker");
        Files.writeString(outside, "X: ${system;" + touch(marker) + "}\n");
        BndEvaluation.Result r = evaluate("-include: " + outside + "\n");
        assertFalse(Files.exists(marker));
        assertTrue(errors(r).startsWith("bnd.bnd:1:11: error: -include names " + outside + ", outside the plugin folder"), errors(r));
    }

    @Test
    void includeOfAFileOfTheFolderIsEvaluatedWithTheSameRules() throws Exception {
        BndEvaluation.Result r = evaluate("-include: common.bnd\nX: ${v}\n", "common.bnd", "v: 1.2.3\nY: ${env;HOME}\n");
        assertEquals("common.bnd:2:6: error: macro ${env} is not allowed in a source plugin: it is neither a property"
            + " of the plugin nor one of the text, list and version macros a plugin may use", errors(r));
    }

    @Test
    void includedFileGivesItsProperties() throws Exception {
        BndEvaluation.Result r = evaluate("-include: common.bnd\nX: ${v}\n", "common.bnd", "v: 1.2.3\n");
        assertEquals("", errors(r));
        assertEquals("1.2.3", r.bnd().properties().getProperty("X"));
    }

    @Test
    void systemPropertiesAndEnvironmentAreNotReadThroughUnknownNames() throws Exception {
        BndEvaluation.Result r = evaluate("X: ${user.home}\nY: ${env.HOME}\n");
        assertEquals(2, r.errors().size(), errors(r));
        assertFalse(r.bnd().properties().getProperty("X").contains(System.getProperty("user.home")));
    }

    @Test
    void versionMacrosWork() throws Exception {
        BndEvaluation.Result r = evaluate("v: 1.2.3\nBundle-Version: ${v}\nX-Range: ${range;[==,+);${v}}\nX-Mask: ${versionmask;==;${v}}\n");
        assertEquals("", errors(r));
        assertEquals("[1.2,2)", r.bnd().properties().getProperty("X-Range"));
        assertEquals("1.2", r.bnd().properties().getProperty("X-Mask"));
    }

    @Test
    void instructionOutsideTheAllowListIsRefused() throws Exception {
        BndEvaluation.Result r = evaluate("Bundle-Version: 1.0.0\n-plugin: aQute.bnd.X\n");
        assertTrue(errors(r).startsWith("bnd.bnd:2:1: error: instruction -plugin is not allowed in a source plugin"), errors(r));
    }
}
