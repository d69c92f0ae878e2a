package dev.graft.host.internal.build;

import java.util.ArrayList;
import java.util.List;

/** The service types a bundle declares it provides: the {@code objectClass} of its {@code osgi.service} capabilities. */
final class ProvidedServices {

    private static final String NAMESPACE = "osgi.service";

    private ProvidedServices() {
    }

    /** @return the types in the order declared, from the Provide-Capability header of the jar */
    static List<String> of(byte[] jar) {
        List<String> types = new ArrayList<>();
        for (String clause : split(BundleManifest.of(jar).header("Provide-Capability"), ',')) {
            List<String> parts = split(clause, ';');
            if (parts.isEmpty() || !parts.get(0).strip().equals(NAMESPACE)) {
                continue;
            }
            for (String attribute : parts.subList(1, parts.size())) {
                int eq = attribute.indexOf('=');
                String key = eq < 0 ? "" : attribute.substring(0, eq).strip();
                if (key.equals("objectClass") || key.startsWith("objectClass:")) {
                    String value = attribute.substring(eq + 1).strip();
                    if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                        value = value.substring(1, value.length() - 1);
                    }
                    for (String type : value.split(",")) {
                        if (!type.isBlank()) {
                            types.add(type.strip());
                        }
                    }
                }
            }
        }
        return types;
    }

    /** Splits on a separator outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
