package dev.graft.host.internal.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which sites to use: {@code --site DIR} options, else the {@code GRAFT_SITES} environment
 * variable (a path-separator list), else the {@code examples/} site shipped with the
 * distribution, found relative to graft.jar so that the distribution can be moved.
 */
final class Sites {

    static final String ENVIRONMENT = "GRAFT_SITES";

    private Sites() {
    }

    static List<Path> choose(List<String> siteOptions, String environment, String graftHome) {
        List<Path> sites = new ArrayList<>();
        if (!siteOptions.isEmpty()) {
            siteOptions.forEach(s -> sites.add(Path.of(s)));
        } else if (environment != null && !environment.isBlank()) {
            for (String s : environment.split(File.pathSeparator)) {
                if (!s.isBlank()) {
                    sites.add(Path.of(s));
                }
            }
        } else if (graftHome != null) {
            shippedExamples(Path.of(graftHome)).ifPresent(sites::add);
        }
        return sites;
    }

    /** The examples next to graft.jar, or two levels up when the jar sits in a build tree's target folder. */
    static java.util.Optional<Path> shippedExamples(Path home) {
        for (Path dir = home; dir != null && home.getNameCount() - dir.getNameCount() <= 2; dir = dir.getParent()) {
            Path examples = dir.resolve("examples");
            if (Files.isDirectory(examples)) {
                return java.util.Optional.of(examples);
            }
        }
        return java.util.Optional.empty();
    }
}
