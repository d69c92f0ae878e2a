package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SourceDecoderTest {

    @Test
    void byteOrderMarkIsDropped() {
        SourceDecoder.Decoded d = SourceDecoder.decode("A.java", new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x' }, StandardCharsets.UTF_8);
        assertTrue(d.ok());
        assertEquals("x", new String(d.text()));
    }

    @Test
    void malformedByteIsReportedWithOffsetLineAndColumn() {
        byte[] bytes = { 'a', '\n', 'b', (byte) 0xFF, 'c' };
        SourceDecoder.Decoded d = SourceDecoder.decode("A.java", bytes, StandardCharsets.UTF_8);
        assertEquals("A.java:2:2: error: malformed UTF-8: byte 0xFF at byte offset 3 is not valid UTF-8", d.error().toString());
    }
}
