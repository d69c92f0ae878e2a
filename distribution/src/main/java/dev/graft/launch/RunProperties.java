package dev.graft.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the {@code -runproperties} instruction of a bnd run descriptor: a comma-separated list of
 * {@code key=value} pairs, values optionally quoted.
 */
final class RunProperties {

    private RunProperties() {
    }

    static Map<String, String> parse(InputStream bndrun) throws IOException {
        Properties instructions = new Properties();
        instructions.load(new InputStreamReader(bndrun, StandardCharsets.UTF_8));
        return parseList(instructions.getProperty("-runproperties", ""));
    }

    static Map<String, String> parseList(String list) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : splitOutsideQuotes(list)) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a key=value pair in -runproperties: " + trimmed);
            }
            properties.put(trimmed.substring(0, eq).trim(), unquote(trimmed.substring(eq + 1).trim()));
        }
        return properties;
    }

    private static Iterable<String> splitOutsideQuotes(String list) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : list.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
            && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
