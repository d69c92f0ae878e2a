package dev.graft.compiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/** Reads class files from bundle and class loader resources. */
final class Urls {

    private Urls() {
    }

    /** @return the bytes behind the URL, or null when there is none or it cannot be read */
    static byte[] bytes(URL url) {
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
