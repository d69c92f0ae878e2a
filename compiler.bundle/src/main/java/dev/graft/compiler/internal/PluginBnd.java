package dev.graft.compiler.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import aQute.bnd.osgi.Processor;

/**
 * The plugin's own {@code bnd.bnd}: its instructions, and where each header starts so that a
 * diagnostic about a header can point at it.
 */
final class PluginBnd {

    static final PluginBnd EMPTY = new PluginBnd(new byte[0], "", new Properties());

    private final byte[] bytes;
    private final String text;
    private final Properties properties;
    private final LineMap lines;

    private PluginBnd(byte[] bytes, String text, Properties properties) {
        this.bytes = bytes;
        this.text = text;
        this.properties = properties;
        this.lines = new LineMap(text.toCharArray());
    }

    static PluginBnd parse(byte[] bytes) throws IOException {
        if (bytes == null) {
            return EMPTY;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Properties plain = new Properties();
        try (Processor p = new Processor()) {
            p.setProperties(new StringReader(text));
            Properties read = p.getProperties();
            for (String key : read.stringPropertyNames()) {
                plain.setProperty(key, read.getProperty(key));
            }
        }
        return new PluginBnd(bytes, text, plain);
    }

    /** @return the bytes parsed; do not modify them */
    byte[] bytes() {
        return bytes;
    }

    boolean present() {
        return this != EMPTY;
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
            boolean lineStart = at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r';
            int after = at + header.length();
            while (after < text.length() && text.charAt(after) == ' ') {
                after++;
            }
            if (lineStart && after < text.length() && (text.charAt(after) == ':' || text.charAt(after) == '=')) {
                return lines.line(at);
            }
            at = after;
        }
        return 0;
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

    /**
     * The first use of a bnd macro that runs an operating system command ({@code system},
     * {@code system-allow-fail}); compiling or checking a plugin must not run anything.
     *
     * @return the offset of the macro, or -1
     */
    int commandMacroOffset() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$[{(\\[<\u00ab]\\s*system(?:-allow-fail)?\\s*[;})\\]>\u00bb]").matcher(text);
        return m.find() ? m.start() : -1;
    }

    int line(int offset) {
        return lines.line(offset);
    }

    int column(int offset) {
        return lines.column(offset);
    }

    String lineText(int line) {
        return lines.lineText(line);
    }
}
