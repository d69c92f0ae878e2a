package dev.graft.compiler.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.graft.compiler.PluginConfiguration.Property;

/**
 * Reads a {@code .cfg} file, the properties syntax of Felix FileInstall and Karaf: each logical
 * line (continuations joined) goes through {@link Properties#load}, so escapes, separators and
 * comments mean exactly what they mean there, and each property keeps the line it starts on.
 * Every value is a string.
 */
final class CfgFormat {

    private CfgFormat() {
    }

    static List<Property> read(String file, String text) throws ConfigSyntaxException {
        List<Property> properties = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines[i]);
            boolean comment = isBlankOrComment(lines[i]);
            while (!comment && endsWithContinuation(lines[i]) && i + 1 < lines.length) {
                i++;
                logical.append('\n').append(lines[i]);
            }
            i++;
            if (comment) {
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigSyntaxException(file, first + 1, "malformed property line: " + e.getMessage());
            }
            for (String key : one.stringPropertyNames()) {
                if (key.isEmpty()) {
                    throw new ConfigSyntaxException(file, first + 1, "a property without a key");
                }
                if (properties.stream().anyMatch(p -> p.key().equals(key))) {
                    throw new ConfigSyntaxException(file, first + 1, key + ": the key is set twice");
                }
                properties.add(new Property(key, one.getProperty(key), false, file, first + 1));
            }
        }
        return properties;
    }

    private static boolean isBlankOrComment(String line) {
        String t = line.stripLeading();
        return t.isEmpty() || t.startsWith("#") || t.startsWith("!");
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
