package dev.graft.compiler;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.internal.ConfigurationCheck;
import dev.graft.compiler.internal.ConfigurationFiles;

/**
 * A plugin's configuration files: read from its {@code config/} folder (or from a deployment's
 * folder of the same files), and checked against the metatype its bundle declares.
 */
public final class PluginConfigurations {

    /** The folder of a plugin that holds its configuration files; none of its files is part of the source digest. */
    public static final String FOLDER = ConfigurationFiles.FOLDER;

    /** Most files a deployment's configuration folder may hold for one plugin. */
    static final int MAX_FILES = 1000;

    /** Largest configuration file of a deployment's folder. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private PluginConfigurations() {
    }

    /**
     * Configurations, and the problems of the files.
     *
     * @param configurations the configurations (for {@link #check}: with values of the declared types)
     * @param diagnostics the problems, each at its file and line; an error means the plugin must not start with them
     */
    public record Result(List<PluginConfiguration> configurations, List<Diagnostic> diagnostics) {

        public Result {
            configurations = List.copyOf(configurations);
            diagnostics = List.copyOf(diagnostics);
        }

        /** @return whether no file has an error */
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    /**
     * @param plugin a source plugin
     * @return the configurations of its {@code config/} folder, as written
     */
    public static Result read(SourcePlugin plugin) {
        ConfigurationFiles.Read read = ConfigurationFiles.read(plugin.files(), FOLDER);
        return new Result(read.configurations(), read.diagnostics());
    }

    /**
     * Reads a deployment's folder of configuration files (plain files only, no links, at most
     * {@value #MAX_FILES} of at most 1 MiB each). A missing folder has none.
     *
     * @param folder the folder
     * @return its configurations, with paths relative to the folder
     */
    public static Result read(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return new Result(List.of(), List.of());
        }
        Map<String, byte[]> files = new TreeMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (PluginFiles.isIgnored(name) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(Diagnostic.of(Severity.ERROR, name, "not a plain file (a link?); a configuration folder holds plain files only"));
                } else if (Files.size(p) > MAX_FILE_BYTES) {
                    problems.add(Diagnostic.of(Severity.ERROR, name, "the file is over " + MAX_FILE_BYTES + " bytes"));
                } else if (files.size() >= MAX_FILES) {
                    problems.add(Diagnostic.of(Severity.ERROR, "", "more than " + MAX_FILES + " files"));
                    break;
                } else {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            problems.add(Diagnostic.of(Severity.ERROR, "", "cannot read " + folder + ": " + e.getMessage()));
        }
        ConfigurationFiles.Read read = ConfigurationFiles.read(files, "");
        problems.addAll(read.diagnostics());
        return new Result(read.configurations(), problems);
    }

    /**
     * The plugin's configurations with a deployment's files laid over them, key by key: a
     * deployment's file for the same PID (and factory name) replaces the values of the keys it
     * sets; one for a PID the plugin has no file for is added.
     */
    public static List<PluginConfiguration> overridden(List<PluginConfiguration> own, List<PluginConfiguration> deployment) {
        Map<String, PluginConfiguration> merged = new TreeMap<>();
        own.forEach(c -> merged.put(c.id(), c));
        for (PluginConfiguration d : deployment) {
            PluginConfiguration mine = merged.get(d.id());
            merged.put(d.id(), mine == null ? d : mine.overriddenBy(d));
        }
        return new ArrayList<>(merged.values());
    }

    /**
     * Checks configurations against the metatype the bundle declares (OSGI-INF/metatype):
     * unknown keys, wrong types, values outside an option list, missing required attributes.
     *
     * @param configurations the configurations
     * @param bundle the bundle jar they are for
     * @return them with values converted to the declared types, and the problems
     */
    public static Result check(List<PluginConfiguration> configurations, byte[] bundle) {
        ConfigurationCheck.Checked checked = ConfigurationCheck.check(configurations, bundle);
        return new Result(checked.configurations(), checked.diagnostics());
    }

    /**
     * Checks configurations as {@link #check(List, byte[])} does, against the metatype documents
     * of a bundle that is already installed (so that a configuration edit needs no bundle jar).
     *
     * @param configurations the configurations
     * @param metatypeDocuments the bundle's {@code OSGI-INF/metatype/*.xml} entries, by entry name
     * @return them with values converted to the declared types, and the problems
     * @since 1.2
     */
    public static Result check(List<PluginConfiguration> configurations, Map<String, byte[]> metatypeDocuments) {
        ConfigurationCheck.Checked checked = ConfigurationCheck.check(configurations, metatypeDocuments);
        return new Result(checked.configurations(), checked.diagnostics());
    }
}
