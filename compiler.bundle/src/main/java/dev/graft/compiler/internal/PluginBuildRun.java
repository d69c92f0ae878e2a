package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.jar.Manifest;

import org.osgi.framework.BundleContext;

import aQute.bnd.osgi.Constants;

import dev.graft.compiler.Build;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic.Severity;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.HostFingerprint;
import dev.graft.compiler.ProvenanceHeaders;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourcePlugin;
import dev.graft.compiler.WiredPackage;

/**
 * One compile and package of one source plugin, from its bytes to a {@link PluginBuild}: limits,
 * layout, decoding, then ECJ and bnd on a contained thread, then the checks on the result.
 */
final class PluginBuildRun {

    /**
     * What every run shares: the views of the framework and the host, and the compile threads.
     *
     * @param context the compiler bundle's context
     * @param index the package index
     * @param jdk the JDK packages
     * @param compileOnly the compile-only annotation packages
     * @param exporters the exporter lookup shared with the cache
     * @param fingerprint the host fingerprint
     * @param threads the threads ECJ and bnd run on
     * @param forbiddenCalls the check of compiled classes for calls a plugin may not make
     */
    record Environment(BundleContext context, PackageIndex index, JdkPackages jdk, CompileOnlyPackages compileOnly, Exporters exporters,
        HostFingerprint fingerprint, ContainedRun threads, ForbiddenCalls forbiddenCalls) {
    }

    /**
     * The outcome, with what {@code check} needs besides the build.
     *
     * @param build the build
     * @param manifest the bundle's manifest, or null when packaging did not happen
     * @param origins where each requirement of the bundle comes from
     * @param framework the framework's packages the run compiled against
     * @param batch the batch's packages
     */
    record Result(PluginBuild build, Manifest manifest, ResolutionCheck.Origins origins, PackageIndex.Snapshot framework,
        BatchPackages batch) {
    }

    private final Environment host;
    private final Settings settings;
    private final SourcePlugin plugin;
    private final CompileOptions options;
    private final BatchPackages batch;
    private final PackageIndex.Snapshot framework;
    private final long started = System.nanoTime();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private String digest = "";

    PluginBuildRun(Environment host, Settings settings, SourcePlugin plugin, CompileOptions options, List<Build> batch) {
        this.host = host;
        this.settings = settings;
        this.plugin = plugin;
        this.options = options;
        this.batch = new BatchPackages(batch);
        this.framework = host.index().snapshot();
    }

    Result run() {
        Map<String, Long> sizes = new TreeMap<>();
        plugin.files().forEach((path, bytes) -> sizes.put(path, (long) bytes.length));
        var overLimit = settings.limits().check(sizes);
        if (overLimit.isPresent()) {
            return failed(overLimit.get());
        }
        digest = plugin.digest();
        PluginLayout layout = PluginLayout.of(plugin.files());
        if (layout.sources().isEmpty()) {
            return failed(Diagnostic.of(Severity.ERROR, "", "no sources: the plugin has no .java files (under src/, or in the plugin folder when it has no src/)"));
        }
        PluginBnd written;
        try {
            written = PluginBnd.parse(layout.bnd());
        } catch (SourceException e) {
            return failed(e.diagnostic());
        }
        BndEvaluation.Result evaluated = BndEvaluation.evaluate(written, plugin.files());
        if (!evaluated.errors().isEmpty()) {
            diagnostics.addAll(evaluated.errors());
            return failed();
        }
        PluginBnd bnd = evaluated.bnd();
        if (bnd.symbolicName().isPresent() && !bnd.symbolicName().get().equals(plugin.name())) {
            int line = bnd.lineOf(Constants.BUNDLE_SYMBOLICNAME);
            return failed(new Diagnostic(Severity.ERROR, PluginLayout.BND_FILE, line, bnd.columnOf(line, bnd.symbolicName().get()),
                "Bundle-SymbolicName " + bnd.symbolicName().get() + " differs from the plugin's name " + plugin.name(), bnd.lineText(line)));
        }
        List<SourceFile> sources = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : layout.sources().entrySet()) {
            SourceDecoder.Decoded d = SourceDecoder.decode(e.getKey(), e.getValue(), options.encoding());
            if (d.ok()) {
                sources.add(new SourceFile(e.getKey(), d.text()));
            } else {
                diagnostics.add(d.error());
            }
        }
        if (!diagnostics.isEmpty()) {
            return failed();
        }
        var tooDeep = SourceNesting.check(sources, settings.maxNesting());
        if (tooDeep.isPresent()) {
            return failed(tooDeep.get());
        }
        host.forbiddenCalls().prepare();
        long deadline = System.nanoTime() + settings.deadlineMillis() * 1_000_000L;
        try {
            return host.threads().run(plugin.name(), settings.stackBytes(), settings.deadlineMillis(),
                () -> compileAndPackage(sources, layout, bnd, deadline));
        } catch (TimeoutException e) {
            return abandoned(deadlineExceeded());
        } catch (ExecutionException e) {
            return failed(Diagnostic.of(Severity.ERROR, "", "internal error while compiling: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandoned(Diagnostic.of(Severity.ERROR, "", "interrupted while compiling"));
        }
    }

    private Result compileAndPackage(List<SourceFile> sources, PluginLayout layout, PluginBnd bnd, long deadline) {
        Set<String> ownPackages = new TreeSet<>();
        sources.forEach(s -> ownPackages.add(PluginLayout.folderPackage(s.path())));
        FrameworkNameEnvironment environment = new FrameworkNameEnvironment(host.jdk(), batch, host.compileOnly(), framework, ownPackages,
            options.importPolicy());
        EcjCompilation.Output compiled;
        try {
            compiled = EcjCompilation.compile(sources, options, environment, ownPackages::contains,
                () -> System.nanoTime() > deadline || Thread.currentThread().isInterrupted());
        } catch (Throwable t) {
            return failed(Diagnostic.of(Severity.ERROR, "", "internal compiler error in ECJ: " + t));
        }
        diagnostics.addAll(compiled.diagnostics());
        diagnostics.addAll(ImportPolicyCheck.sources(environment.denied(), sources));
        if (compiled.cancelled()) {
            diagnostics.add(deadlineExceeded());
        }
        if (hasErrors()) {
            return failed();
        }
        diagnostics.addAll(host.forbiddenCalls().check(compiled.classes(), compiled.sourceOf(), byPath(sources), options.forbiddenSignatures()));
        if (hasErrors()) {
            return failed();
        }
        String activator = activator(compiled, bnd);
        Map<String, String> versions = new TreeMap<>();
        environment.servedFromFramework().forEach((pkg, exporter) -> {
            versions.put(pkg, exporter.version().toString());
            List<PackageIndex.Exporter> all = framework.exporters(pkg);
            if (all.stream().map(x -> x.bundle().getBundleId()).distinct().count() > 1) {
                diagnostics.add(Diagnostic.of(Severity.INFO, "", "package " + pkg + " is exported by several bundles: "
                    + String.join(", ", all.stream().map(PackageIndex.Exporter::describe).toList())
                    + "; compiled against " + exporter.describe() + ", the one a resolver wires"));
            }
        });
        environment.servedFromBatch().forEach((pkg, export) -> versions.put(pkg, export.version()));
        BundlePackager.Output packaged;
        try {
            packaged = BundlePackager.pack(new BundlePackager.Input(plugin.name(), bnd, compiled.classes(), layout.resources(), versions,
                provenance(), activator, plugin.files()));
        } catch (Throwable t) {
            return failed(Diagnostic.of(Severity.ERROR, "", "internal error in bnd: " + t));
        }
        diagnostics.addAll(packaged.diagnostics());
        diagnostics.addAll(ImportPolicyCheck.manifest(packaged.manifest(), options.importPolicy(), host.context(), bnd));
        diagnostics.addAll(ExportOverlap.check(packaged.manifest(), framework, batch, plugin.name(), bnd, sources));
        if (options.warningsAsErrors()) {
            diagnostics.replaceAll(d -> d.severity() == Severity.WARNING
                ? new Diagnostic(Severity.ERROR, d.file(), d.line(), d.column(), d.message() + " (warnings are errors)", d.sourceLine())
                : d);
        }
        ResolutionCheck.Origins origins = new ResolutionCheck.Origins(packaged.referrers(), compiled.sourceOf(), bnd);
        if (hasErrors() || packaged.jar() == null) {
            return new Result(PluginBuild.failed(plugin.name(), diagnostics, digest, millis()), packaged.manifest(), origins, framework, batch);
        }
        PluginBuild build = new PluginBuild(plugin.name(), packaged.jar(), packaged.summary(), diagnostics,
            compiledAgainst(packaged.manifest()), digest, millis());
        return new Result(build, packaged.manifest(), origins, framework, batch);
    }

    private static Map<String, SourceFile> byPath(List<SourceFile> sources) {
        Map<String, SourceFile> byPath = new TreeMap<>();
        sources.forEach(s -> byPath.put(s.path(), s));
        return byPath;
    }

    private String activator(EcjCompilation.Output compiled, PluginBnd bnd) {
        if (bnd.get(Constants.BUNDLE_ACTIVATOR).isPresent()) {
            return null;
        }
        List<String> activators = ActivatorDetector.activators(compiled.classes());
        if (activators.size() > 1) {
            diagnostics.add(Diagnostic.of(Severity.WARNING, bnd.present() ? PluginLayout.BND_FILE : "",
                "several classes implement BundleActivator (" + String.join(", ", activators)
                    + "); none is used: declare the one to use with Bundle-Activator in bnd.bnd"));
        }
        return activators.size() == 1 ? activators.get(0) : null;
    }

    private Map<String, String> provenance() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ProvenanceHeaders.SOURCE_DIGEST, digest);
        headers.put(ProvenanceHeaders.HOST_FINGERPRINT, host.fingerprint().canonical());
        headers.put(ProvenanceHeaders.ECJ_VERSION, host.fingerprint().ecj());
        headers.put(ProvenanceHeaders.BND_VERSION, host.fingerprint().bnd());
        headers.put(ProvenanceHeaders.COMPILE_OPTIONS, options.canonical());
        return headers;
    }

    private List<WiredPackage> compiledAgainst(Manifest manifest) {
        List<WiredPackage> wired = new ArrayList<>();
        for (String pkg : aQute.bnd.header.OSGiHeader.parseHeader(manifest.getMainAttributes().getValue(Constants.IMPORT_PACKAGE)).keySet()) {
            String name = pkg.replace("~", "");
            BatchPackages.BatchExport fromBatch = batch.exporter(name);
            if (fromBatch != null) {
                Build b = fromBatch.build();
                wired.add(new WiredPackage(name, b.name(), b.summary().map(s -> s.version()).orElse("0.0.0"), b.sourceDigest()));
            } else {
                // the exporter a resolver wires, as of the snapshot the sources were compiled against
                List<PackageIndex.Exporter> exporters = framework.exporters(name);
                if (!exporters.isEmpty()) {
                    wired.add(host.exporters().wired(name, exporters.get(0).bundle()));
                }
            }
        }
        return wired;
    }

    private Diagnostic deadlineExceeded() {
        return Diagnostic.of(Severity.ERROR, "", "compiling and packaging took longer than the deadline of " + settings.deadlineMillis()
            + " ms (compileDeadlineMillis)");
    }

    private boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    private Result failed(Diagnostic d) {
        diagnostics.add(d);
        return failed();
    }

    /**
     * The compile thread was left running (deadline, interrupt): it may still add to
     * {@link #diagnostics}, so the outcome holds only the reason it was abandoned. No diagnostic
     * came before the compile started, or it would not have started.
     */
    private Result abandoned(Diagnostic d) {
        return new Result(PluginBuild.failed(plugin.name(), List.of(d), digest, millis()), null, null, framework, batch);
    }

    private Result failed() {
        return new Result(PluginBuild.failed(plugin.name(), diagnostics, digest, millis()), null, null, framework, batch);
    }

    private long millis() {
        return (System.nanoTime() - started) / 1_000_000L;
    }
}
