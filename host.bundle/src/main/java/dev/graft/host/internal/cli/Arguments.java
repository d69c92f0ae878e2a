package dev.graft.host.internal.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: options that take a value (repeatable), flags, and positional
 * arguments. Anything else is a usage error.
 */
final class Arguments {

    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();

    private Arguments() {
    }

    static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        Arguments a = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (valueOptions.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (flagOptions.contains(arg)) {
                a.flags.add(arg);
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                throw new UsageException("unknown option " + arg);
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    String one(String option, String fallback) throws UsageException {
        List<String> v = all(option);
        if (v.size() > 1) {
            throw new UsageException(option + " is given " + v.size() + " times");
        }
        return v.isEmpty() ? fallback : v.get(0);
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    List<String> positional() {
        return positional;
    }
}
