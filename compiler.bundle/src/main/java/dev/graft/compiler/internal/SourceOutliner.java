package dev.graft.compiler.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.core.compiler.InvalidInputException;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileConstants;
import org.eclipse.jdt.internal.compiler.parser.Scanner;
import org.eclipse.jdt.internal.compiler.parser.TerminalToken;

import dev.graft.compiler.SourceOutline;
import dev.graft.compiler.SourcePlugin;

/**
 * Outlines a source plugin with ECJ's scanner, the parser's own tokenizer: package declarations,
 * import statements, {@code @Export} on {@code package-info.java}, and every dotted name written
 * in code or annotations. The scanner, not a full parse, because a warm start that takes every
 * bundle from the cache outlines every plugin and compiles none: tokens are enough to see these
 * names, and comments, strings and text blocks are tokens that never look like them.
 */
final class SourceOutliner {

    private static final String PACKAGE_INFO = "package-info.java";
    private static final Set<String> EXPORT_ANNOTATIONS = Set.of("Export", "org.osgi.annotation.bundle.Export");

    private final Set<String> own = new TreeSet<>();
    private final Set<String> exported = new TreeSet<>();
    private final Map<String, String> imports = new LinkedHashMap<>();
    private final Map<String, String> qualified = new LinkedHashMap<>();
    private final Scanner scanner = new Scanner(false, false, false, ClassFileConstants.getLatestJDKLevel(), null, null, true);

    private SourceOutliner() {
    }

    /**
     * @param plugin a source plugin
     * @return its outline; a source the scanner cannot read to its end is outlined up to there
     *         (compiling it reports the problem with its position)
     */
    static SourceOutline outline(SourcePlugin plugin) {
        PluginBnd bnd;
        try {
            bnd = PluginBnd.parse(plugin.files().get(PluginLayout.BND_FILE));
        } catch (dev.graft.compiler.SourceException e) {
            bnd = PluginBnd.EMPTY;
        }
        return outline(plugin, bnd);
    }

    /**
     * @param plugin a source plugin
     * @param bnd its {@code bnd.bnd}, already parsed
     * @return its outline
     */
    static SourceOutline outline(SourcePlugin plugin, PluginBnd bnd) {
        PluginLayout layout = PluginLayout.of(plugin.files());
        SourceOutliner outliner = new SourceOutliner();
        layout.sources().forEach(outliner::scan);
        outliner.exported.addAll(BndExports.of(bnd, outliner.own));
        outliner.own.forEach(outliner.imports::remove);
        // what the plugin's lib/ jars hold needs no provider: it is embedded, or imported from the host
        layout.libraries().values().forEach(jar -> LibraryJar.packageNames(jar).forEach(outliner.imports::remove));
        return new SourceOutline(outliner.own, outliner.exported, outliner.imports, outliner.qualified);
    }

    private void scan(String path, byte[] bytes) {
        scanner.setSource(new String(bytes, StandardCharsets.UTF_8).toCharArray());
        boolean packageInfo = path.equals(PACKAGE_INFO) || path.endsWith("/" + PACKAGE_INFO);
        boolean exportAnnotation = false;
        String pkg = "";
        TerminalToken previous = TerminalToken.TokenNameEOF;
        try {
            TerminalToken token = scanner.getNextToken();
            while (token != TerminalToken.TokenNameEOF) {
                switch (token) {
                    case TokenNamepackage -> pkg = dottedName(scanner.getNextToken()).name();
                    case TokenNameimport -> importStatement(path);
                    case TokenNameIdentifier -> {
                        if (previous != TerminalToken.TokenNameDOT) {
                            Dotted name = dottedName(token);
                            if (previous == TerminalToken.TokenNameAT && EXPORT_ANNOTATIONS.contains(name.name())) {
                                exportAnnotation = true;
                            }
                            if (name.name().indexOf('.') > 0) {
                                qualified.putIfAbsent(name.name(), path);
                            }
                            previous = TerminalToken.TokenNameIdentifier;
                            token = name.next();
                            continue;
                        }
                    }
                    default -> {
                    }
                }
                previous = token;
                token = scanner.getNextToken();
            }
        } catch (InvalidInputException e) {
            // outlined up to the token the scanner cannot read
        }
        own.add(pkg);
        if (packageInfo && exportAnnotation) {
            exported.add(pkg);
        }
    }

    /** A dotted name and the token after it. */
    private record Dotted(String name, TerminalToken next) {
    }

    /** Reads {@code Identifier (. Identifier)*} from the given token on. */
    private Dotted dottedName(TerminalToken first) throws InvalidInputException {
        StringBuilder name = new StringBuilder();
        TerminalToken token = first;
        while (token == TerminalToken.TokenNameIdentifier) {
            name.append(scanner.getCurrentIdentifierSource());
            token = scanner.getNextToken();
            if (token != TerminalToken.TokenNameDOT) {
                break;
            }
            token = scanner.getNextToken();
            if (token == TerminalToken.TokenNameIdentifier) {
                name.append('.');
            }
        }
        return new Dotted(name.toString(), token);
    }

    private void importStatement(String path) throws InvalidInputException {
        TerminalToken token = scanner.getNextToken();
        boolean isStatic = token == TerminalToken.TokenNamestatic;
        if (isStatic) {
            token = scanner.getNextToken();
        }
        Dotted name = dottedName(token);
        boolean onDemand = name.next() == TerminalToken.TokenNameMULTIPLY;
        String pkg = ImportedPackage.of(name.name(), isStatic, onDemand);
        if (!pkg.isEmpty()) {
            imports.putIfAbsent(pkg, path);
        }
    }
}
