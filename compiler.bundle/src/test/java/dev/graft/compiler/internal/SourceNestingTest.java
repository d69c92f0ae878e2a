package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceNestingTest {

    private static int firstTooDeep(String text, int max) {
        return SourceNesting.firstTooDeep(text.toCharArray(), max);
    }

    @Test
    void theFirstBracketPastTheLimitIsFound() {
        assertEquals(5, firstTooDeep("f(a[{(", 3));
    }

    @Test
    void closedBracketsDoNotCount() {
        assertEquals(-1, firstTooDeep("f(a) g(b) h[c] { }", 1));
    }

    @Test
    void bracketsInCommentsAndLiteralsDoNotCount() {
        assertEquals(-1, firstTooDeep("""
            f( // ((((
            /* [[[[ */ "((\\"((" + '(' + \"""
                ((((
                \""" )
            """, 1));
    }

    @Test
    void aOneLineLiteralLeftOpenEndsAtTheLineEnd() {
        assertEquals(7, firstTooDeep("\"((((\n((", 1));
    }
}
