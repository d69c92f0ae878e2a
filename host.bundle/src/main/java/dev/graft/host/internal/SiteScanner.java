package dev.graft.host.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the source plugins of an ordered list of sites. The first site with a plugin of a given
 * name wins and every shadowed copy is reported. Hidden entries and editor temporary files are
 * ignored; a link that leads out of its site is refused.
 */
final class SiteScanner {

    /** One plugin folder that wins, with the copies it shadows. */
    record Found(SourceFolder source, List<Path> shadowed) {
    }

    /** What a scan found. */
    record Result(List<Found> plugins, List<String> problems) {
    }

    private SiteScanner() {
    }

    static Result scan(List<Path> sites) {
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
            List<Read> reads = folders(site, problems).parallelStream().map(folder -> read(folder, realSite)).toList();
            for (Read read : reads) {
                if (read.source() == null && read.problem() == null) {
                    continue;
                }
                if (read.problem() != null) {
                    problems.add(read.problem());
                    continue;
                }
                SourceFolder source = read.source();
                Found first = byName.get(source.name());
                if (first == null) {
                    byName.put(source.name(), new Found(source, new ArrayList<>()));
                } else {
                    first.shadowed().add(source.folder());
                    problems.add("plugin " + source.name() + " in " + source.folder() + " is shadowed by " + first.source().folder());
                }
            }
        }
        List<Found> found = new ArrayList<>();
        byName.values().forEach(f -> found.add(new Found(f.source(), List.copyOf(f.shadowed()))));
        return new Result(found, problems);
    }

    private static List<Path> folders(Path site, List<String> problems) {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(site)) {
            for (Path entry : entries) {
                if (!IgnoredFiles.isIgnored(entry.getFileName().toString()) && Files.isDirectory(entry)) {
                    folders.add(entry);
                }
            }
        } catch (IOException e) {
            problems.add("site " + site + " cannot be listed: " + e.getMessage());
        }
        folders.sort(null);
        return folders;
    }

    /** A plugin folder read, or the problem that kept it out; neither for a folder that is no plugin. */
    private record Read(SourceFolder source, String problem) {
    }

    /** Reads one folder of a site; folders are read in parallel, so this touches no shared state. */
    private static Read read(Path folder, Path realSite) {
        if (!SourceFolder.isPluginFolder(folder)) {
            return new Read(null, null);
        }
        try {
            Path real = folder.toRealPath();
            if (!real.startsWith(realSite)) {
                return new Read(null, "refused " + folder + ": it is a link to " + real + ", outside its site " + realSite);
            }
            return new Read(SourceFolder.read(folder), null);
        } catch (IOException | RuntimeException e) {
            return new Read(null, "plugin folder " + folder + " cannot be read: " + e.getMessage());
        }
    }
}
