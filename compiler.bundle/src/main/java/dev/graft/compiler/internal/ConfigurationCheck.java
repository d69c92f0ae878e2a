package dev.graft.compiler.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.PluginConfiguration;
import dev.graft.compiler.PluginConfiguration.Property;

/**
 * Checks configurations against the metatype of the bundle they are for: unknown keys, values
 * that are not of the declared type, values an option list does not allow, required attributes
 * without a value or a default. A checked configuration has its values converted to the declared
 * types (a {@code .cfg} file's text becomes an {@code Integer} where the attribute is one). A
 * value that refers to an environment variable is a secret: it is resolved only when applied, so
 * it is not checked here.
 */
public final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    /** The configurations with typed values, and the problems found. */
    public record Checked(List<PluginConfiguration> configurations, List<Diagnostic> diagnostics) {
    }

    public static Checked check(List<PluginConfiguration> configurations, byte[] jar) {
        return check(configurations, () -> Metatype.of(jar));
    }

    /** {@link #check(List, byte[])} against a bundle's metatype documents ({@code OSGI-INF/metatype/*.xml}) by entry name. */
    public static Checked check(List<PluginConfiguration> configurations, java.util.Map<String, byte[]> metatypeDocuments) {
        return check(configurations, () -> Metatype.of(metatypeDocuments));
    }

    private interface MetatypeSource {
        Metatype read() throws IOException;
    }

    private static Checked check(List<PluginConfiguration> configurations, MetatypeSource source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<PluginConfiguration> typed = new ArrayList<>();
        if (configurations.isEmpty()) {
            return new Checked(List.of(), List.of());
        }
        Metatype metatype;
        try {
            metatype = source.read();
        } catch (IOException e) {
            return new Checked(List.of(), List.of(Diagnostic.of(Severity.ERROR, "", e.getMessage())));
        }
        for (PluginConfiguration c : configurations) {
            Optional<Metatype.ObjectClass> ocd = metatype.of(c.pid(), c.isFactory());
            if (ocd.isEmpty()) {
                diagnostics.add(Diagnostic.of(Severity.WARNING, c.file(), (c.isFactory() ? "factory PID " : "PID ") + c.pid()
                    + " has no metatype in the bundle (no @Designate): its values are not checked"));
                typed.add(c);
                continue;
            }
            typed.add(check(c, ocd.get(), diagnostics));
        }
        return new Checked(typed, diagnostics);
    }

    private static PluginConfiguration check(PluginConfiguration c, Metatype.ObjectClass ocd, List<Diagnostic> diagnostics) {
        List<Property> properties = new ArrayList<>();
        for (Property p : c.properties()) {
            Metatype.Attribute ad = ocd.attributes().get(p.key());
            if (ad == null) {
                if (!p.key().endsWith(".target") && !p.key().equals("service.ranking")) {
                    diagnostics.add(error(p, p.key() + ": unknown key; " + ocd.id() + " declares " + String.join(", ", ocd.attributes().keySet())));
                }
                properties.add(p);
                continue;
            }
            if (PluginConfiguration.isSecret(p.value())) {
                properties.add(p);
                continue;
            }
            try {
                properties.add(new Property(p.key(), typed(p, ad), true, p.file(), p.line()));
            } catch (IllegalArgumentException e) {
                diagnostics.add(error(p, p.key() + ": " + e.getMessage()));
            }
        }
        for (Metatype.Attribute ad : ocd.attributes().values()) {
            if (ad.required() && !ad.hasDefault() && c.property(ad.id()).isEmpty()) {
                diagnostics.add(Diagnostic.of(Severity.ERROR, c.file(), ad.id() + ": required by " + ocd.id() + ", which gives no default"));
            }
        }
        return new PluginConfiguration(c.file(), c.pid(), c.factoryName(), properties);
    }

    private static Object typed(Property p, Metatype.Attribute ad) {
        String type = ad.type().equals("Password") ? "String" : ad.type().equals("Char") ? "Character" : ad.type();
        List<Object> raws = new ArrayList<>();
        Object v = p.value();
        if (v instanceof List<?> list) {
            raws.addAll(list);
        } else if (v != null && v.getClass().isArray()) {
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                raws.add(java.lang.reflect.Array.get(v, i));
            }
        } else if (ad.cardinality() != 0 && v instanceof String s && !p.typed()) {
            for (String part : s.split(",")) {
                raws.add(part.strip());
            }
        } else {
            raws.add(v);
        }
        if (ad.cardinality() == 0 && raws.size() != 1) {
            throw new IllegalArgumentException(raws.size() + " values given, " + ad.id() + " takes one");
        }
        List<Object> values = new ArrayList<>();
        for (Object raw : raws) {
            Object value = JsonTypes.scalar(type, raw instanceof Number n && !(raw instanceof BigDecimal) ? new BigDecimal(n.toString())
                : raw instanceof Character ch ? String.valueOf(ch) : raw);
            if (!ad.options().isEmpty() && !ad.options().contains(String.valueOf(value))) {
                throw new IllegalArgumentException(JsonTypes.quoted(raw) + " is not one of the options " + String.join(", ", ad.options()));
            }
            values.add(value);
        }
        if (ad.cardinality() == 0) {
            return values.get(0);
        }
        if (ad.cardinality() < 0) {
            return values;
        }
        if (values.isEmpty()) {
            return new String[0];
        }
        Object array = java.lang.reflect.Array.newInstance(values.get(0).getClass(), values.size());
        for (int i = 0; i < values.size(); i++) {
            java.lang.reflect.Array.set(array, i, values.get(i));
        }
        return array;
    }

    private static Diagnostic error(Property p, String message) {
        return new Diagnostic(Severity.ERROR, p.file(), p.line(), 0, message, "");
    }
}
