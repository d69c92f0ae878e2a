package dev.graft.host.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.Diagnostic;

class DiagnosticTextTest {

    private static String format(String line, int column) {
        return DiagnosticText.format("p", new Diagnostic(Severity.ERROR, "src/A.java", 3, column, "bad", line));
    }

    @Test
    void aShortLineIsPrintedWholeWithTheCaretUnderTheColumn() {
        assertEquals("p/src/A.java:3:5: error: bad\n\tint x;\n\t   ^", format("\tint x;", 5));
    }

    @Test
    void aHugeLineIsCutAroundTheColumnAndTheCaretStaysOnIt() {
        String line = "a".repeat(500_000) + "X" + "b".repeat(500_000);
        String[] printed = format(line, 500_001).split("\n");
        assertEquals(3, printed.length);
        assertEquals("..." + "a".repeat(80) + "X" + "b".repeat(79) + "...", printed[1]);
        assertEquals('X', printed[1].charAt(printed[2].length() - 1));
    }

    @Test
    void aHugeLineCutAtItsStartHasNoLeadingMark() {
        String line = "X" + "b".repeat(10_000);
        String[] printed = format(line, 1).split("\n");
        assertEquals("X" + "b".repeat(159) + "...", printed[1]);
        assertEquals("^", printed[2]);
    }

    @Test
    void aHugeLineCutAtItsEndHasNoTrailingMark() {
        String line = "a".repeat(10_000) + "X";
        String[] printed = format(line, 10_001).split("\n");
        assertEquals("..." + "a".repeat(159) + "X", printed[1]);
        assertEquals('X', printed[1].charAt(printed[2].length() - 1));
    }
}
