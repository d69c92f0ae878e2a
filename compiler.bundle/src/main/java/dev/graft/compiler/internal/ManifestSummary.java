package dev.graft.compiler.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;
import dev.graft.compiler.BundleSummary;

/** Reads a {@link BundleSummary} from a built bundle's manifest and component descriptors, before the jar is written. */
final class ManifestSummary {

    private static final Pattern COMPONENT_NAME = Pattern.compile("<(?:\\w+:)?component\\b[^>]*?\\sname\\s*=\\s*\"([^\"]+)\"");

    private ManifestSummary() {
    }

    static BundleSummary of(Manifest manifest, Jar jar) throws Exception {
        Attributes main = manifest.getMainAttributes();
        String bsn = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        int semi = bsn == null ? -1 : bsn.indexOf(';');
        return new BundleSummary(semi < 0 ? String.valueOf(bsn) : bsn.substring(0, semi).trim(),
            main.getValue(Constants.BUNDLE_VERSION) == null ? "0.0.0" : main.getValue(Constants.BUNDLE_VERSION),
            clauses(main.getValue(Constants.IMPORT_PACKAGE), false), clauses(main.getValue(Constants.EXPORT_PACKAGE), true),
            components(main.getValue(Constants.SERVICE_COMPONENT), jar),
            main.getValue(Constants.BUNDLE_ACTIVATOR) == null ? "" : main.getValue(Constants.BUNDLE_ACTIVATOR));
    }

    private static List<String> clauses(String header, boolean export) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Parameters p = OSGiHeader.parseHeader(header);
        for (Map.Entry<String, Attrs> e : p.entrySet()) {
            String name = e.getKey().replace("~", "");
            String version = e.getValue().getVersion();
            StringBuilder b = new StringBuilder(name);
            if (version != null) {
                b.append(";version=\"").append(version).append('"');
            } else if (export) {
                b.append(";version=\"0.0.0\"");
            }
            if ("optional".equals(e.getValue().get(Constants.RESOLUTION_DIRECTIVE + ":"))) {
                b.append(";resolution:=optional");
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> components(String header, Jar jar) throws Exception {
        List<String> names = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return names;
        }
        for (String path : OSGiHeader.parseHeader(header).keySet()) {
            Resource r = jar.getResource(path);
            if (r == null) {
                continue;
            }
            try (InputStream in = r.openInputStream()) {
                Matcher m = COMPONENT_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        names.sort(null);
        return names;
    }
}
