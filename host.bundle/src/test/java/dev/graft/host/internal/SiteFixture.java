package dev.graft.host.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes plugin folders for tests. */
final class SiteFixture {

    private final Path site;

    SiteFixture(Path site) {
        this.site = site;
    }

    /** Writes a plugin whose one class imports the given packages and that exports the given ones. */
    SiteFixture plugin(String name, String pkg, String[] exports, String... imports) throws IOException {
        Path folder = site.resolve(name);
        StringBuilder src = new StringBuilder("package " + pkg + ";\n\n");
        for (String i : imports) {
            src.append("import ").append(i).append(".Api;\n");
        }
        src.append("\npublic class Api {}\n");
        Path file = folder.resolve("src/" + pkg.replace('.', '/') + "/Api.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, src.toString());
        if (exports.length > 0) {
            Files.writeString(folder.resolve("bnd.bnd"), "Export-Package: " + String.join(",", exports) + "\n");
        }
        return this;
    }

    static String[] exports(String... packages) {
        return packages;
    }
}
