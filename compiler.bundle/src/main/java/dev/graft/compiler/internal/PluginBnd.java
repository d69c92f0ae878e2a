package dev.graft.compiler.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.SourceException;

/**
 * One bnd file of a plugin ({@code bnd.bnd} or a file it includes): its instructions as written
 * (escapes and line continuations undone, no macro expanded, nothing included), and where each
 * header starts so that a diagnostic about a header can point at it. {@link BndEvaluation} turns
 * it into the instructions bnd gets.
 */
final class PluginBnd {

    static final PluginBnd EMPTY = new PluginBnd(PluginLayout.BND_FILE, new byte[0], "", new Properties());

    private final String file;
    private final byte[] bytes;
    private final String text;
    private final Properties properties;
    private final LineMap lines;

    private PluginBnd(String file, byte[] bytes, String text, Properties properties) {
        this.file = file;
        this.bytes = bytes;
        this.text = text;
        this.properties = properties;
        this.lines = new LineMap(text.toCharArray());
    }

    /**
     * @param bytes the bytes of {@code bnd.bnd}, or null when the plugin has none
     * @return the parsed file
     * @throws SourceException when the bytes are not valid UTF-8
     */
    static PluginBnd parse(byte[] bytes) throws SourceException {
        return bytes == null ? EMPTY : parse(PluginLayout.BND_FILE, bytes);
    }

    /**
     * @param file the file's path in the plugin folder
     * @param bytes its bytes
     * @return the parsed file
     * @throws SourceException when the bytes are not valid UTF-8
     */
    static PluginBnd parse(String file, byte[] bytes) throws SourceException {
        SourceDecoder.Decoded decoded = SourceDecoder.decode(file, bytes, StandardCharsets.UTF_8);
        if (!decoded.ok()) {
            throw new SourceException(decoded.error());
        }
        String text = new String(decoded.text());
        Properties read = new Properties();
        try {
            read.load(new StringReader(text));
        } catch (IOException e) {
            throw new SourceException(Diagnostic.of(Severity.ERROR, file, "cannot read " + file + ": " + e.getMessage()));
        }
        Properties plain = new Properties();
        for (String key : read.stringPropertyNames()) {
            plain.setProperty(key, read.getProperty(key));
        }
        return new PluginBnd(file, bytes, text, plain);
    }

    /**
     * @param evaluated the instructions after evaluation
     * @return this file's text and positions with the given instructions
     */
    PluginBnd withProperties(Properties evaluated) {
        return new PluginBnd(file, bytes, text, evaluated);
    }

    /** @return the bytes parsed; do not modify them */
    byte[] bytes() {
        return bytes;
    }

    boolean present() {
        return this != EMPTY;
    }

    String file() {
        return file;
    }

    Properties properties() {
        return properties;
    }

    Optional<String> get(String header) {
        return Optional.ofNullable(properties.getProperty(header)).map(String::trim);
    }

    /** @return the name part of Bundle-SymbolicName, without directives */
    Optional<String> symbolicName() {
        return get("Bundle-SymbolicName").map(v -> {
            int semi = v.indexOf(';');
            return (semi < 0 ? v : v.substring(0, semi)).trim();
        });
    }

    /**
     * @param header a header name
     * @return the 1-based line where it is declared, 0 when it is not
     */
    int lineOf(String header) {
        int at = 0;
        while ((at = text.indexOf(header, at)) >= 0) {
            int lineStart = at;
            while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
                lineStart--;
            }
            boolean startsLine = lineStart == 0 || text.charAt(lineStart - 1) == '\n' || text.charAt(lineStart - 1) == '\r';
            int after = at + header.length();
            while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                after++;
            }
            if (startsLine && !continues(lineStart) && after < text.length() && (text.charAt(after) == ':' || text.charAt(after) == '=')) {
                return lines.line(at);
            }
            at = after;
        }
        return 0;
    }

    /** @return whether the line before the given line start ends with a continuation backslash */
    private boolean continues(int lineStart) {
        int i = lineStart - 1;
        if (i >= 0 && text.charAt(i) == '\n') {
            i--;
        }
        if (i >= 0 && text.charAt(i) == '\r') {
            i--;
        }
        int backslashes = 0;
        while (i >= 0 && text.charAt(i) == '\\') {
            backslashes++;
            i--;
        }
        return backslashes % 2 == 1;
    }

    /**
     * Where a text appears in the declaration of a header, continuation lines included.
     *
     * @param header the header
     * @param needles the texts looked for, the first found wins
     * @return a diagnostic position: the line and column of the text, else of the header, else line 0
     */
    int[] positionIn(String header, String... needles) {
        int line = lineOf(header);
        if (line == 0) {
            return new int[] {0, 0};
        }
        for (String needle : needles) {
            for (int l = line; l <= lines.lineCount() && !needle.isEmpty(); l++) {
                String lineText = lineText(l);
                int col = lineText.indexOf(needle);
                if (col >= 0) {
                    return new int[] {l, col + 1};
                }
                if (!lineText.stripTrailing().endsWith("\\")) {
                    break;
                }
            }
        }
        return new int[] {line, 1};
    }

    /**
     * An error at a text in a header's declaration.
     *
     * @param header the header
     * @param needle the text to point at; when the declaration does not hold it, its first macro
     * @param message the message
     * @return the diagnostic
     */
    Diagnostic errorAt(String header, String needle, String message) {
        int[] at = positionIn(header, needle, "${");
        return at[0] == 0 ? Diagnostic.of(Severity.ERROR, file, message)
            : new Diagnostic(Severity.ERROR, file, at[0], at[1], message, lineText(at[0]));
    }

    /**
     * @param line a 1-based line
     * @param needle text on it
     * @return the 1-based column of the text on the line, 1 when absent
     */
    int columnOf(int line, String needle) {
        int i = lines.lineText(line).indexOf(needle);
        return i < 0 ? 1 : i + 1;
    }

    String lineText(int line) {
        return lines.lineText(line);
    }
}
