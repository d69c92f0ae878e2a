package dev.graft.compiler.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;
import dev.graft.compiler.CompileOptions;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.HostFingerprint;
import dev.graft.compiler.PluginCompiler;
import dev.graft.compiler.SourceException;
import dev.graft.compiler.SourceOutline;
import dev.graft.compiler.SourcePlugin;
import dev.graft.compiler.WiredPackage;

/**
 * The {@link PluginCompiler} service: ECJ in process against the packages the running framework
 * exports, bndlib packaging, each compile on a contained thread. Keeps nothing between compiles
 * but the package index, the class files read from unchanging sources and idle compile threads,
 * so concurrent compiles are safe.
 */
@Component(service = PluginCompiler.class, configurationPid = CompilerConfiguration.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = CompilerConfiguration.class)
public class EcjPluginCompiler implements PluginCompiler {

    /** The most class file bytes kept from the framework's exporters and the compile-only annotations together. */
    static final long KEPT_BYTES = 32L << 20;

    private final PluginBuildRun.Environment host;
    private volatile Settings settings;
    /** The bnd.bnd each plugin read here was parsed into, for its outline, until the plugin value is gone. */
    private final Map<SourcePlugin, PluginBnd> parsedBnd = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param context the compiler bundle's context
     * @param config the configuration
     */
    @Activate
    public EcjPluginCompiler(BundleContext context, CompilerConfiguration config) {
        this.settings = Settings.of(config);
        KeptClasses.Budget kept = new KeptClasses.Budget(KEPT_BYTES);
        PackageIndex index = new PackageIndex(context, kept);
        index.open();
        this.host = new PluginBuildRun.Environment(context, index, new JdkPackages(), new CompileOnlyPackages(context.getBundle(), kept),
            new Exporters(context), HostFingerprints.of(context), new ContainedRun(), new ForbiddenCalls());
    }

    @Modified
    void modified(CompilerConfiguration config) {
        this.settings = Settings.of(config);
    }

    @Deactivate
    void deactivate() {
        host.index().close();
        host.threads().close();
    }

    @Override
    public SourcePlugin read(Path folder) throws SourceException {
        PluginFolderReader.Read read = new PluginFolderReader(settings.limits()).read(folder);
        parsedBnd.put(read.plugin(), read.bnd());
        return read.plugin();
    }

    @Override
    public SourceOutline outline(SourcePlugin plugin) {
        PluginBnd bnd = parsedBnd.get(plugin);
        return bnd != null ? SourceOutliner.outline(plugin, bnd) : SourceOutliner.outline(plugin);
    }

    @Override
    public Build compile(SourcePlugin plugin) {
        Settings s = settings;
        return new PluginBuildRun(host, s, plugin, s.options(), List.of()).run().build();
    }

    @Override
    public Build compile(SourcePlugin plugin, CompileOptions options, List<Build> batch) {
        return new PluginBuildRun(host, settings, plugin, options == null ? settings.options() : options,
            batch == null ? List.of() : batch).run().build();
    }

    @Override
    public CheckResult check(SourcePlugin plugin, List<Build> batch) {
        return check(plugin, null, batch);
    }

    @Override
    public CheckResult check(SourcePlugin plugin, CompileOptions options, List<Build> batch) {
        Settings s = settings;
        PluginBuildRun.Result outcome = new PluginBuildRun(host, s, plugin, options == null ? s.options() : options,
            batch == null ? List.of() : batch).run();
        List<Diagnostic> diagnostics = new java.util.ArrayList<>(outcome.build().diagnostics());
        if (outcome.manifest() != null && outcome.origins() != null) {
            diagnostics.addAll(ResolutionCheck.check(outcome.manifest(), outcome.framework(), outcome.batch(), host.context(),
                outcome.origins()));
        }
        boolean resolvable = outcome.manifest() != null && diagnostics.stream().noneMatch(Diagnostic::isError);
        diagnostics.sort(PluginBuild.ORDER);
        return new CheckResult(plugin.name(), diagnostics, resolvable);
    }

    @Override
    public Build compileTo(SourcePlugin plugin, Path target) throws IOException {
        Build build = compile(plugin);
        if (build.succeeded()) {
            AtomicJarWriter.write(target, build.bundle().orElseThrow());
        }
        return build;
    }

    @Override
    public CompileOptions defaultOptions() {
        return settings.options();
    }

    @Override
    public HostFingerprint hostFingerprint() {
        return host.fingerprint();
    }

    @Override
    public Optional<WiredPackage> exporterOf(String packageName) {
        return host.exporters().exporterOf(packageName);
    }

    @Override
    public boolean isAvailable(String packageName) {
        return packageName.startsWith("java.") || host.compileOnly().contains(packageName) || !host.index().snapshot().exporters(packageName).isEmpty();
    }

    @Override
    public List<Diagnostic> exportOwnership(byte[] bundle) {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bundle))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            return List.of(Diagnostic.of(Diagnostic.Severity.ERROR, "", "not a bundle jar: " + e.getMessage()));
        }
        if (manifest == null) {
            return List.of(Diagnostic.of(Diagnostic.Severity.ERROR, "", "not a bundle jar: it has no manifest"));
        }
        if (manifest.getMainAttributes().getValue(org.osgi.framework.Constants.EXPORT_PACKAGE) == null) {
            return List.of();
        }
        String name = manifest.getMainAttributes().getValue(org.osgi.framework.Constants.BUNDLE_SYMBOLICNAME);
        name = name == null ? "" : name.split(";", 2)[0].trim();
        return ExportOverlap.check(manifest, host.index().snapshot(), new BatchPackages(List.of()), name, PluginBnd.EMPTY, List.of());
    }
}
