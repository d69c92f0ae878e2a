package dev.graft.host.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.graft.compiler.ImportPolicy;
import dev.graft.compiler.PluginCompiler;

/**
 * Gives the compiler the import policy of {@code --policy FILE}, through Configuration Admin
 * (property {@code importPolicy} of PID {@code dev.graft.compiler}), and waits until it uses it.
 */
final class PolicySettings {

    static final String OPTION = "--policy";
    private static final String PID = "dev.graft.compiler";
    private static final long TAKE_NANOS = 10_000_000_000L;

    private PolicySettings() {
    }

    /**
     * @param file the policy file
     * @throws UsageException when the file cannot be read or holds a line that is not a rule
     */
    static void use(ConfigurationAdmin cm, PluginCompiler compiler, Path file) throws IOException, UsageException {
        ImportPolicy policy;
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            policy = ImportPolicy.parse(text, file.toString());
        } catch (IOException e) {
            throw new UsageException(OPTION + " " + file + ": cannot read the file: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (compiler.defaultOptions().importPolicy().equals(policy)) {
            return;
        }
        Configuration c = cm.getConfiguration(PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put("importPolicy", text);
        c.update(props);
        long end = System.nanoTime() + TAKE_NANOS;
        while (!compiler.defaultOptions().importPolicy().equals(policy)) {
            if (System.nanoTime() > end) {
                throw new IOException("the compiler did not take the import policy of " + file);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }
}
