package dev.graft.compiler.internal;

import java.util.Arrays;

/**
 * Converts character offsets in a source text into 1-based lines and columns, the way an editor
 * counts them: {@code \n}, {@code \r\n} and {@code \r} end a line; a tab is one column.
 */
final class LineMap {

    private final char[] text;
    private final int[] lineStarts;

    LineMap(char[] text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length || text[i + 1] != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** @return how many lines the text has (an empty text has one) */
    int lineCount() {
        return lineStarts.length;
    }

    /**
     * @param offset a character offset, 0-based
     * @return the 1-based line holding it, 0 for a negative offset
     */
    int line(int offset) {
        if (offset < 0) {
            return 0;
        }
        int i = Arrays.binarySearch(lineStarts, Math.min(offset, text.length));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * @param offset a character offset, 0-based
     * @return the 1-based column of it on its line, 0 for a negative offset
     */
    int column(int offset) {
        if (offset < 0) {
            return 0;
        }
        return Math.min(offset, text.length) - lineStarts[line(offset) - 1] + 1;
    }

    /**
     * @param line a 1-based line
     * @return the text of the line without its terminator, empty when there is no such line
     */
    String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) {
            end--;
        }
        return new String(text, start, end - start);
    }

    /**
     * @param line a 1-based line
     * @return the offset of its first character
     */
    int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }
}
