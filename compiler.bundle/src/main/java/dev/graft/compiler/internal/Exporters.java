package dev.graft.compiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

import dev.graft.compiler.ProvenanceHeaders;
import dev.graft.compiler.WiredPackage;

/**
 * Which bundle of the running framework exports a package: the one a resolver would wire, that is
 * the highest version among the resolved exporters. Used both when a plugin is compiled (to
 * record what it was compiled against) and when a cached build is reused (to check that this
 * still holds, through {@link dev.graft.compiler.PluginCompiler#exporterOf}), so the two always agree.
 */
public final class Exporters {

    private final BundleContext context;
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    /**
     * @param context any bundle context of the running framework
     */
    public Exporters(BundleContext context) {
        this.context = context;
    }

    /**
     * Finds the exporter a resolver would wire for a package.
     *
     * @param packageName the package
     * @return the package with its exporter, or empty when no resolved bundle exports it
     */
    public Optional<WiredPackage> exporterOf(String packageName) {
        BundleCapability best = null;
        for (BundleCapability c : candidates(packageName)) {
            if (best == null || versionOf(c).compareTo(versionOf(best)) > 0) {
                best = c;
            }
        }
        return best == null ? Optional.empty() : Optional.of(wired(packageName, best.getRevision().getBundle()));
    }

    /**
     * Describes a package as wired to a given exporter, the way {@link #exporterOf} does.
     *
     * @param packageName the package
     * @param exporter the bundle that exports it
     * @return the package with its exporter's name, version and digest
     */
    public WiredPackage wired(String packageName, Bundle exporter) {
        return new WiredPackage(packageName, symbolicName(exporter), exporter.getVersion().toString(), digest(exporter));
    }

    /**
     * Every resolved bundle's capability for a package, the system bundle's included.
     *
     * @param packageName the package
     * @return the capabilities, possibly empty
     */
    public List<BundleCapability> candidates(String packageName) {
        List<BundleCapability> found = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null || !wiring.isCurrent()) {
                continue;
            }
            for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (packageName.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    found.add(c);
                }
            }
        }
        return Collections.unmodifiableList(found);
    }

    /**
     * @param capability an {@code osgi.wiring.package} capability
     * @return the package version it declares, {@code 0.0.0} when none
     */
    public static Version versionOf(BundleCapability capability) {
        Object v = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
        return v instanceof Version version ? version : Version.emptyVersion;
    }

    /**
     * A digest of a bundle's content: the source digest of a Graft plugin, the framework's version
     * and system packages for the system bundle, else SHA-256 over the bundle's entries.
     * Computed once per bundle revision.
     *
     * @param bundle the bundle
     * @return the digest in hex
     */
    public String digest(Bundle bundle) {
        String key = bundle.getBundleId() + "@" + bundle.getLastModified();
        return digests.computeIfAbsent(key, k -> computeDigest(bundle));
    }

    private String computeDigest(Bundle bundle) {
        String source = bundle.getHeaders("").get(ProvenanceHeaders.SOURCE_DIGEST);
        if (source != null) {
            return source;
        }
        MessageDigest sha = sha256();
        if (bundle.getBundleId() == 0) {
            // the framework's content is the set of packages it exports; its property text varies in order between runs
            sha.update((bundle.getSymbolicName() + " " + bundle.getVersion()).getBytes(StandardCharsets.UTF_8));
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            List<String> packages = new ArrayList<>();
            if (wiring != null) {
                for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                    packages.add(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE) + ";" + versionOf(c));
                }
            }
            Collections.sort(packages);
            packages.forEach(p -> sha.update(("\n" + p).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        }
        Enumeration<URL> entries = bundle.findEntries("/", "*", true);
        List<URL> sorted = entries == null ? List.of() : Collections.list(entries);
        sorted.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        byte[] buffer = new byte[8192];
        for (URL url : sorted) {
            if (url.getPath().endsWith("/")) {
                continue;
            }
            sha.update(url.getPath().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = url.openStream()) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    sha.update(buffer, 0, n);
                }
            } catch (IOException e) {
                sha.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String symbolicName(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && revision.getSymbolicName() != null ? revision.getSymbolicName() : String.valueOf(bundle.getSymbolicName());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}