package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineMapTest {

    private final LineMap map = new LineMap("ab\ncd\r\nef\rg\tx".toCharArray());

    @Test
    void firstCharacterIsLineOneColumnOne() {
        assertEquals(1, map.line(0));
        assertEquals(1, map.column(0));
    }

    @Test
    void lineFeedCarriageReturnLineFeedAndCarriageReturnEachEndALine() {
        assertEquals(4, map.lineCount());
        assertEquals(2, map.line(3));
        assertEquals(1, map.column(3));
        assertEquals(3, map.line(7));
        assertEquals(4, map.line(10));
    }

    @Test
    void terminatorBelongsToTheLineItEnds() {
        assertEquals(1, map.line(2));
        assertEquals(3, map.column(2));
        assertEquals(2, map.line(6));
    }

    @Test
    void tabCountsAsOneColumn() {
        assertEquals(3, map.column(12));
    }

    @Test
    void lineTextHasNoTerminator() {
        assertEquals("ab", map.lineText(1));
        assertEquals("cd", map.lineText(2));
        assertEquals("ef", map.lineText(3));
        assertEquals("g\tx", map.lineText(4));
        assertEquals("", map.lineText(5));
    }

    @Test
    void negativeOffsetHasNoPosition() {
        assertEquals(0, map.line(-1));
        assertEquals(0, map.column(-1));
    }
}
