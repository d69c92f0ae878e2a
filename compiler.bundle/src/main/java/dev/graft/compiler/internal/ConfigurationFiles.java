package dev.graft.compiler.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.PluginConfiguration;

/**
 * Turns the files of a {@code config/} folder into configurations: {@code PID.cfg},
 * {@code PID.json}, {@code FACTORYPID~NAME.cfg|json}, each decoded as strict UTF-8. A file that
 * cannot be read is an error at its line; other files in the folder are errors too, so a typo in
 * a name does not go unnoticed.
 */
public final class ConfigurationFiles {

    /** The folder of a plugin that holds its configuration files. */
    public static final String FOLDER = "config/";

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.$-]*)(?:~([A-Za-z0-9_][A-Za-z0-9_.-]*))?\\.(cfg|json)");

    private ConfigurationFiles() {
    }

    /** The configurations read, and the problems of the files that could not be. */
    public record Read(List<PluginConfiguration> configurations, List<Diagnostic> diagnostics) {
    }

    /**
     * @param files a plugin's files by relative path; those directly under {@code prefix} are read
     * @param prefix {@code config/} for a plugin, empty for a deployment folder's files
     */
    public static Read read(Map<String, byte[]> files, String prefix) {
        List<PluginConfiguration> configurations = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String path = e.getKey();
            if (!path.startsWith(prefix)) {
                continue;
            }
            String name = path.substring(prefix.length());
            Matcher m = NAME.matcher(name);
            if (name.contains("/") || !m.matches()) {
                diagnostics.add(Diagnostic.of(Severity.ERROR, path,
                    "not a configuration file: a file of " + (prefix.isEmpty() ? "a configuration folder" : prefix)
                        + " is PID.cfg, PID.json, FACTORYPID~NAME.cfg or FACTORYPID~NAME.json"));
                continue;
            }
            try {
                String text = decode(path, e.getValue());
                List<PluginConfiguration.Property> properties = m.group(3).equals("cfg") ? CfgFormat.read(path, text)
                    : JsonFormat.read(path, text);
                configurations.add(new PluginConfiguration(path, m.group(1), Optional.ofNullable(m.group(2)), properties));
            } catch (ConfigSyntaxException x) {
                diagnostics.add(new Diagnostic(Severity.ERROR, x.file, x.line, 0, x.getMessage(), ""));
            }
        }
        return new Read(configurations, diagnostics);
    }

    private static String decode(String path, byte[] bytes) throws ConfigSyntaxException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            String good = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString();
            int bad = good.indexOf('\uFFFD');
            for (int i = 0; i < Math.max(bad, 0); i++) {
                line += good.charAt(i) == '\n' ? 1 : 0;
            }
            throw new ConfigSyntaxException(path, line, "the file is not valid UTF-8");
        }
    }
}
