package dev.graft.compiler.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;

/**
 * Decodes source bytes strictly: a byte order mark is accepted and dropped, malformed or
 * unmappable bytes are an error that names the byte offset, line and column.
 */
final class SourceDecoder {

    /** The outcome: either the text or the error. */
    record Decoded(char[] text, Diagnostic error) {
        boolean ok() {
            return error == null;
        }
    }

    private SourceDecoder() {
    }

    static Decoded decode(String path, byte[] bytes, Charset charset) {
        int skip = 0;
        if (charset.equals(StandardCharsets.UTF_8) && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF
            && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            skip = 3;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - skip) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Decoded(null, malformed(path, bytes, skip, in.position(), charset));
        }
        out.flip();
        int start = out.length() > 0 && out.charAt(0) == '\uFEFF' ? 1 : 0;
        char[] text = new char[out.length() - start];
        out.position(start);
        out.get(text);
        return new Decoded(text, null);
    }

    private static Diagnostic malformed(String path, byte[] bytes, int skip, int offset, Charset charset) {
        int line = 1;
        int lineStart = skip;
        for (int i = skip; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // the column counts the characters decoded before the bad byte on its line
        String before = new String(bytes, lineStart, offset - lineStart, charset);
        int lineEnd = lineStart;
        while (lineEnd < bytes.length && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r') {
            lineEnd++;
        }
        String lineText = new String(bytes, lineStart, lineEnd - lineStart, charset);
        String message = "malformed " + charset.name() + ": byte 0x" + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xff)
            + " at byte offset " + offset + " is not valid " + charset.name();
        return new Diagnostic(Severity.ERROR, path, line, before.length() + 1, message, lineText);
    }
}
