package dev.graft.host.internal.plan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.PluginFiles;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourceOutline;
import dev.graft.compiler.SourcePlugin;

/**
 * Finds the source plugins of an ordered list of sites and reads each once, with the compiler's
 * reader: the value read is what the plan is made from and what the build compiles. The first site
 * with a plugin of a given name wins and every shadowed copy is reported. Entries that
 * {@link PluginFiles#isIgnored} names are skipped; a link that leads out of its site is refused.
 */
public final class SiteScanner {

    /**
     * One plugin folder as read.
     *
     * @param name the plugin's name (the folder's name when it cannot be read)
     * @param folder the folder
     * @param plugin its content, empty when it cannot be read
     * @param outline what its sources declare and refer to
     * @param readProblem why it cannot be read, empty when it can
     */
    record Read(String name, Path folder, Optional<SourcePlugin> plugin, SourceOutline outline, Optional<Diagnostic> readProblem) {
    }

    /** One plugin folder that wins, with the copies it shadows. */
    record Found(Read source, List<Path> shadowed) {
    }

    /** What a scan found. */
    record Result(List<Found> plugins, List<String> problems) {
    }

    private SiteScanner() {
    }

    public static Result scan(List<Path> sites, PluginCompiler compiler) {
        Map<String, Found> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path site : sites) {
            if (!Files.isDirectory(site)) {
                problems.add("site " + site + " is not a directory");
                continue;
            }
            Path realSite;
            try {
                realSite = site.toRealPath();
            } catch (IOException e) {
                problems.add("site " + site + " cannot be read: " + e.getMessage());
                continue;
            }
            List<Scanned> scanned = folders(site, problems).parallelStream().map(folder -> scan(folder, realSite, compiler)).toList();
            for (Scanned s : scanned) {
                s.problem().ifPresent(problems::add);
                if (s.read().isEmpty()) {
                    continue;
                }
                Read read = s.read().get();
                Found first = byName.get(read.name());
                if (first == null) {
                    byName.put(read.name(), new Found(read, new ArrayList<>()));
                } else {
                    first.shadowed().add(read.folder());
                    problems.add("plugin " + read.name() + " in " + read.folder() + " is shadowed by " + first.source().folder());
                }
            }
        }
        List<Found> found = new ArrayList<>();
        byName.values().forEach(f -> found.add(new Found(f.source(), List.copyOf(f.shadowed()))));
        return new Result(found, problems);
    }

    /**
     * Whether a folder of a site is a source plugin: it has a {@code bnd.bnd}, a {@code src/}
     * folder or {@code .java} files. A folder with a {@code pom.xml} is a Maven project (tests of
     * plugins, for example), not a source plugin.
     */
    static boolean isPluginFolder(Path folder) {
        if (Files.exists(folder.resolve("pom.xml"))) {
            return false;
        }
        if (Files.isRegularFile(folder.resolve("bnd.bnd")) || Files.isDirectory(folder.resolve("src"))) {
            return true;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).anyMatch(f -> f.endsWith(".java") && !PluginFiles.isIgnored(f));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> folders(Path site, List<String> problems) {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(site)) {
            for (Path entry : entries) {
                if (!PluginFiles.isIgnored(entry.getFileName().toString()) && Files.isDirectory(entry)) {
                    folders.add(entry);
                }
            }
        } catch (IOException e) {
            problems.add("site " + site + " cannot be listed: " + e.getMessage());
        }
        folders.sort(null);
        return folders;
    }

    /** A folder read, and a problem of the site it shows (a refused link); neither for a folder that is no plugin. */
    private record Scanned(Optional<Read> read, Optional<String> problem) {
    }

    /** Reads one folder of a site; folders are read in parallel, so this touches no shared state. */
    private static Scanned scan(Path folder, Path realSite, PluginCompiler compiler) {
        if (!isPluginFolder(folder)) {
            return new Scanned(Optional.empty(), Optional.empty());
        }
        try {
            Path real = folder.toRealPath();
            if (!real.startsWith(realSite)) {
                return new Scanned(Optional.empty(),
                    Optional.of("refused " + folder + ": it is a link to " + real + ", outside its site " + realSite));
            }
        } catch (IOException e) {
            return new Scanned(Optional.empty(), Optional.of("plugin folder " + folder + " cannot be read: " + e.getMessage()));
        }
        return new Scanned(Optional.of(read(folder, compiler)), Optional.empty());
    }

    /**
     * Reads a plugin folder with the compiler's reader and outlines it.
     *
     * @param folder the folder
     * @param compiler the compiler
     * @return what was read, or why it cannot be
     */
    static Read read(Path folder, PluginCompiler compiler) {
        try {
            SourcePlugin plugin = compiler.read(folder);
            return new Read(plugin.name(), folder, Optional.of(plugin), compiler.outline(plugin), Optional.empty());
        } catch (SourceException e) {
            Path fileName = folder.toAbsolutePath().normalize().getFileName();
            return new Read(fileName == null ? folder.toString() : fileName.toString(), folder, Optional.empty(), SourceOutline.EMPTY,
                Optional.of(e.diagnostic()));
        }
    }
}
