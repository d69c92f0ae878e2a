package dev.graft.launch;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code graft run --http [HOST:]PORT} (and {@code graft shell --http ...}) serves the Servlet
 * Whiteboard: read from the command line before the framework starts, because the web bundles are
 * installed only when it is given. A value that is not {@code [HOST:]PORT} is left to the command,
 * which reports it as a usage error; no web bundle is installed then.
 *
 * @param host the address to bind to, 127.0.0.1 unless the value names one
 * @param port the port, 0 for any free one
 */
record HttpEndpoint(String host, int port) {

    static final String OPTION = "--http";
    static final String LOOPBACK = "127.0.0.1";
    private static final Set<String> COMMANDS = Set.of("run", "shell");

    /** @return the endpoint the command line asks for, none when it asks for none or names none properly */
    static Optional<HttpEndpoint> of(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return Optional.empty();
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                return parse(args[i + 1]);
            }
            if (args[i].startsWith(OPTION + "=")) {
                return parse(args[i].substring(OPTION.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** @return the endpoint of {@code PORT} or {@code HOST:PORT}, none when the value is neither */
    static Optional<HttpEndpoint> parse(String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            return port >= 0 && port <= 65535 ? Optional.of(new HttpEndpoint(host, port)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Adds the properties that Felix HTTP Jetty reads from the framework: the port and the address. */
    void configure(Map<String, String> frameworkProperties) {
        frameworkProperties.put("org.osgi.service.http.port", Integer.toString(port));
        frameworkProperties.put("org.apache.felix.http.host", host);
        frameworkProperties.put("org.apache.felix.http.jetty.sendServerHeader", "false");
    }
}
