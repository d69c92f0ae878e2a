package dev.graft.host.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.graft.compiler.Build;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.host.GraftMain;
import dev.graft.host.internal.output.Console;
import dev.graft.host.internal.output.DiagnosticText;

/** {@code graft compile}: build one plugin into a bundle jar that {@code graft run --jar} loads. */
final class CompileCommand extends Command {

    private final CommandServices host;

    CompileCommand(CommandServices host) {
        super("compile",
            "graft compile [--policy FILE] DIR -o FILE.jar",
            "compile one plugin into a bundle jar, for 'graft run --jar' on a host with the same fingerprint",
            """
                The jar is written atomically: on failure nothing is written and an existing file stays.
                Its manifest records the host fingerprint (Graft, ECJ, bndlib and Java versions).
    
                Options:
                  -o, --output FILE   the jar to write
                  --policy FILE       the import policy (see graft run --help)""");
        this.host = host;
    }

    @Override
    int run(List<String> args, Console console) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("-o", "--output", PolicySettings.OPTION), Set.of());
        if (a.positional().size() != 1) {
            throw new UsageException("name exactly one plugin folder");
        }
        String output = a.one("-o", a.one("--output", null));
        if (output == null) {
            throw new UsageException("say where to write the jar with -o FILE.jar");
        }
        String dir = a.positional().get(0);
        try {
            host.usePolicy(a);
        } catch (IOException e) {
            console.err().println("graft compile: " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
        SourcePlugin plugin;
        try {
            plugin = host.compiler().read(Path.of(dir));
        } catch (SourceException e) {
            console.err().println(DiagnosticText.format(dir, e.diagnostic()));
            return GraftMain.EXIT_FAILED;
        }
        Build build;
        try {
            build = host.compiler().compileTo(plugin, Path.of(output));
        } catch (IOException e) {
            console.err().println("graft compile: cannot write " + output + ": " + e.getMessage());
            return GraftMain.EXIT_FAILED;
        }
        for (Diagnostic d : build.diagnostics()) {
            console.err().println(DiagnosticText.format(dir, d));
        }
        if (!build.succeeded()) {
            console.err().println("graft: " + plugin.name() + " has errors; nothing written");
            return GraftMain.EXIT_FAILED;
        }
        console.err().println("graft: wrote " + output + " (" + build.millis() + " ms)");
        return GraftMain.EXIT_OK;
    }
}
