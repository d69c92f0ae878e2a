package dev.graft.compiler.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.graft.compiler.PluginConfiguration.Property;

/**
 * Reads a {@code .json} configuration file: one JSON object of properties, in the OSGi
 * Configurator's notation for types ({@code "rate:Integer": 5}, {@code "hosts:String[]": [...]},
 * {@code "ids:Collection<Long>": [...]}). Untyped values are a {@code String}, {@code Long},
 * {@code Double}, {@code Boolean} or an array of one of these. The reader is strict JSON (no
 * comments, no trailing commas, no duplicate keys) and knows the line of every key.
 */
final class JsonFormat {

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;

    private JsonFormat(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static List<Property> read(String file, String text) throws ConfigSyntaxException {
        return new JsonFormat(file, text).object();
    }

    private List<Property> object() throws ConfigSyntaxException {
        skipSpace();
        expect('{', "a configuration file is one JSON object");
        List<Property> properties = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipSpace();
                int keyLine = line;
                String rawKey = string();
                skipSpace();
                expect(':', "expected ':' after the key");
                skipSpace();
                Object raw = value();
                Property p = typed(rawKey, raw, keyLine);
                if (properties.stream().anyMatch(q -> q.key().equals(p.key()))) {
                    throw error(keyLine, p.key() + ": the key is set twice");
                }
                properties.add(p);
                skipSpace();
                char c = next("expected ',' or '}'");
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error(line, "expected ',' or '}', found '" + c + "'");
                }
            }
        }
        skipSpace();
        if (pos < text.length()) {
            throw error(line, "text after the configuration object");
        }
        return properties;
    }

    private Property typed(String rawKey, Object raw, int keyLine) throws ConfigSyntaxException {
        int colon = rawKey.indexOf(':');
        if (colon < 0) {
            return new Property(rawKey, untyped(raw, rawKey, keyLine), false, file, keyLine);
        }
        String key = rawKey.substring(0, colon);
        String type = rawKey.substring(colon + 1);
        try {
            return new Property(key, JsonTypes.convert(type, raw), true, file, keyLine);
        } catch (IllegalArgumentException e) {
            throw error(keyLine, key + ": " + e.getMessage());
        }
    }

    private Object untyped(Object raw, String key, int keyLine) throws ConfigSyntaxException {
        if (raw instanceof BigDecimal n) {
            return JsonTypes.isIntegral(n) ? (Object) n.longValueExact() : (Object) n.doubleValue();
        }
        if (raw instanceof List<?> list) {
            if (list.isEmpty()) {
                return new String[0];
            }
            Object first = untyped(list.get(0), key, keyLine);
            Object[] array = (Object[]) java.lang.reflect.Array.newInstance(first.getClass(), list.size());
            for (int i = 0; i < list.size(); i++) {
                Object v = untyped(list.get(i), key, keyLine);
                if (v.getClass() != first.getClass()) {
                    throw error(keyLine, key + ": an array mixes " + first.getClass().getSimpleName() + " and " + v.getClass().getSimpleName());
                }
                array[i] = v;
            }
            return array;
        }
        if (raw == null) {
            throw error(keyLine, key + ": null is not a configuration value");
        }
        return raw;
    }

    private Object value() throws ConfigSyntaxException {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipSpace();
                Object v = value();
                if (v instanceof List) {
                    throw error(line, "nested arrays are not configuration values");
                }
                list.add(v);
                skipSpace();
                char d = next("expected ',' or ']'");
                if (d == ']') {
                    return list;
                }
                if (d != ',') {
                    throw error(line, "expected ',' or ']', found '" + d + "'");
                }
            }
        }
        if (c == '{') {
            throw error(line, "a nested object is not a configuration value");
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        return number();
    }

    private BigDecimal number() throws ConfigSyntaxException {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw error(line, n.isEmpty() ? "expected a value, found '" + peek() + "'" : "not a JSON number: " + n);
        }
        return new BigDecimal(n);
    }

    private String string() throws ConfigSyntaxException {
        expect('"', "expected a string");
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next("a string is not closed");
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw error(line, "a control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next("a string is not closed");
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error(line, "a \\u escape is cut short");
                    }
                    try {
                        b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error(line, "a \\u escape needs four hex digits");
                    }
                    pos += 4;
                }
                default -> throw error(line, "an unknown escape \\" + e);
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() throws ConfigSyntaxException {
        if (pos >= text.length()) {
            throw error(line, "the file ends too early");
        }
        return text.charAt(pos);
    }

    private char next(String whenAtEnd) throws ConfigSyntaxException {
        if (pos >= text.length()) {
            throw error(line, whenAtEnd);
        }
        return text.charAt(pos++);
    }

    private void expect(char c, String message) throws ConfigSyntaxException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error(line, message);
        }
        pos++;
    }

    private ConfigSyntaxException error(int at, String message) {
        return new ConfigSyntaxException(file, at, message);
    }
}
