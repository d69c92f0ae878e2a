package dev.graft.test.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} and {@code key:Type=value} entries of an annotation, as configuration values. */
public final class ConfigValues {

    private ConfigValues() {
    }

    /**
     * @param entries the entries
     * @param where what to name in an error, like the annotated method
     * @return the values in order
     * @throws IllegalArgumentException naming the entry and what is wrong
     */
    public static Map<String, Object> parse(String[] entries, String where) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + ": \"" + entry + "\" is not key=value or key:Type=value");
            }
            String key = entry.substring(0, eq).trim();
            String text = entry.substring(eq + 1);
            String type = "String";
            int colon = key.indexOf(':');
            if (colon > 0) {
                type = key.substring(colon + 1).trim();
                key = key.substring(0, colon).trim();
            }
            try {
                values.put(key, value(type, text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": \"" + entry + "\": " + text + " is not a " + type, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": \"" + entry + "\": " + e.getMessage(), e);
            }
        }
        return values;
    }

    private static Object value(String type, String text) {
        return switch (type) {
            case "String" -> text;
            case "Integer" -> Integer.valueOf(text.trim());
            case "Long" -> Long.valueOf(text.trim());
            case "Double" -> Double.valueOf(text.trim());
            case "Float" -> Float.valueOf(text.trim());
            case "Boolean" -> Boolean.valueOf(text.trim());
            case "String[]" -> text.isEmpty() ? new String[0] : text.split("\\s*,\\s*");
            default -> throw new IllegalArgumentException("the type " + type + " is not one of String, Integer, Long, Double, Float, "
                + "Boolean, String[]");
        };
    }
}
