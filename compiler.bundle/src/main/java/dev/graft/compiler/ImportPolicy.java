package dev.graft.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which packages a site's plugins may not import. A policy is a list of rules, one a line:
 * {@code deny PATTERN} or {@code allow PATTERN}, where a pattern is a package name, {@code p.*}
 * (the package p and every package under it) or holds {@code *} for any characters; {@code #}
 * starts a comment. The first rule that matches a package decides; after the site's rules come
 * {@link #DEFAULT_RULES}, which deny the internals of Graft, Felix, ECJ and bndlib, {@code sun.*} and
 * {@code jdk.internal.*}; a package no rule matches may be imported. Two policies combine with
 * {@link #and}: a package either one denies is denied.
 *
 * <p>The compiler enforces a policy in what it lets ECJ see and on the bundle's manifest
 * ({@code Import-Package}, {@code DynamicImport-Package}, {@code Require-Bundle}).
 */
public final class ImportPolicy {

    /** The rules every policy ends with. */
    public static final String DEFAULT_RULES = String.join("\n",
        "deny dev.graft.*.internal", "deny dev.graft.*.internal.*",
        "deny org.apache.felix.framework.*", "deny org.apache.felix.*.impl.*", "deny org.apache.felix.*.internal.*",
        "deny org.eclipse.jdt.internal.*",
        "deny aQute.bnd.osgi.*", "deny aQute.lib.*", "deny aQute.libg.*", "deny aQute.bnd.*.internal.*",
        "deny sun.*", "deny jdk.internal.*");

    private record Rule(boolean deny, String pattern, Pattern regex, String literalPrefix) {
    }

    private static final List<Rule> DEFAULT_LIST = rules(DEFAULT_RULES, "defaults");
    private static final ImportPolicy DEFAULTS = new ImportPolicy("", List.of(DEFAULT_LIST));

    private final String text;
    /** Each layer is one policy's rules followed by the defaults; a deny of any layer wins. */
    private final List<List<Rule>> layers;

    private ImportPolicy(String text, List<List<Rule>> layers) {
        this.text = text;
        this.layers = layers;
    }

    private static List<Rule> thenDefaults(List<Rule> siteRules) {
        List<Rule> all = new ArrayList<>(siteRules);
        all.addAll(DEFAULT_LIST);
        return List.copyOf(all);
    }

    /**
     * @param other another policy, such as a site's own
     * @return a policy that denies a package when this one or the other denies it
     * @since 0.3
     */
    public ImportPolicy and(ImportPolicy other) {
        if (other.isDefault() || other.equals(this)) {
            return this;
        }
        if (isDefault()) {
            return other;
        }
        List<List<Rule>> both = new ArrayList<>(layers);
        both.addAll(other.layers);
        return new ImportPolicy(text + "\n# and\n" + other.text, List.copyOf(both));
    }

    /** @return the policy of a site without rules of its own: the defaults */
    public static ImportPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * @param text the rules, one a line
     * @param source where the text comes from, for messages (a file name)
     * @return the policy: these rules, then the defaults
     * @throws IllegalArgumentException naming {@code source:line} when a line is not a rule
     */
    public static ImportPolicy parse(String text, String source) {
        List<Rule> rules = rules(text, source);
        return rules.isEmpty() ? DEFAULTS : new ImportPolicy(text, List.of(thenDefaults(rules)));
    }

    private static List<Rule> rules(String text, String source) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String rule = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (rule.isEmpty()) {
                continue;
            }
            String[] parts = rule.split("\\s+");
            if (parts.length != 2 || !(parts[0].equals("deny") || parts[0].equals("allow")) || !parts[1].matches("[\\w.*$]+")) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": not a rule: '" + rule
                    + "' (a rule is 'deny PATTERN' or 'allow PATTERN', for example 'deny com.acme.internal.*')");
            }
            rules.add(new Rule(parts[0].equals("deny"), parts[1], regex(parts[1]), literalPrefix(parts[1])));
        }
        return rules;
    }

    private static Pattern regex(String pattern) {
        String body = pattern;
        String subpackages = "";
        if (body.endsWith(".*")) {
            body = body.substring(0, body.length() - 2);
            subpackages = "(\\..+)?";
        }
        String[] parts = body.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex + subpackages);
    }

    private static String literalPrefix(String pattern) {
        int star = pattern.indexOf('*');
        return star < 0 ? pattern : pattern.substring(0, star);
    }

    /**
     * @param packageName a package
     * @return the rule that denies importing it ({@code deny PATTERN}), or empty when it may be imported
     */
    public Optional<String> denies(String packageName) {
        for (List<Rule> rules : layers) {
            for (Rule r : rules) {
                if (r.regex().matcher(packageName).matches()) {
                    if (r.deny()) {
                        return Optional.of("deny " + r.pattern());
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * For a wildcard such as {@code DynamicImport-Package: com.*}: whether some package it could
     * match is denied.
     *
     * @param prefix the literal part before the wildcard ({@code com.}; empty for {@code *})
     * @return the first deny rule that can match a package starting with the prefix, or empty
     */
    public Optional<String> deniesSomeStartingWith(String prefix) {
        for (List<Rule> rules : layers) {
            for (Rule r : rules) {
                if (r.deny() && (r.literalPrefix().startsWith(prefix) || prefix.startsWith(r.literalPrefix()))) {
                    return Optional.of("deny " + r.pattern());
                }
            }
        }
        return Optional.empty();
    }

    /** @return whether this policy has no rules of its own */
    public boolean isDefault() {
        return text.isEmpty();
    }

    /** @return a short SHA-256 digest of the site's rules, for cache keys */
    public String digest() {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the rules as given (of each policy combined by {@link #and}), empty for the defaults */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportPolicy p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return isDefault() ? "ImportPolicy[defaults]" : "ImportPolicy[" + text.strip().replace('\n', ';') + "; defaults]";
    }
}
