package dev.graft.host.internal.start;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;

/**
 * The metatype documents of an installed bundle ({@code OSGI-INF/metatype/*.xml}, its own entries,
 * read without resolving it): what a configuration edit of a running plugin is checked against,
 * so that it needs neither the bundle's jar nor a build.
 */
public final class InstalledMetatype {

    private static final String FOLDER = "OSGI-INF/metatype/";

    private InstalledMetatype() {
    }

    /**
     * @param bundle an installed bundle
     * @return its metatype documents by entry name; none when it declares no metatype
     * @throws IOException when an entry cannot be read
     */
    public static Map<String, byte[]> of(Bundle bundle) throws IOException {
        Map<String, byte[]> documents = new TreeMap<>();
        Enumeration<String> paths = bundle.getEntryPaths(FOLDER);
        while (paths != null && paths.hasMoreElements()) {
            String path = paths.nextElement();
            URL entry = path.endsWith(".xml") ? bundle.getEntry(path) : null;
            if (entry != null) {
                try (InputStream in = entry.openStream()) {
                    documents.put(path, in.readAllBytes());
                }
            }
        }
        return documents;
    }
}
