package dev.graft.host.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

/** Which site configuration holds which folder, so that one folder is loaded by one configuration only. */
@Component(service = SiteClaims.class)
public final class SiteClaims {

    private final Map<Path, String> holders = new HashMap<>();

    /**
     * Claims a folder for a configuration.
     *
     * @param folder the site folder, absolute and normalized
     * @param pid the configuration's PID
     * @return the PID of the configuration that holds the folder already, or empty when the claim succeeded
     */
    synchronized Optional<String> claim(Path folder, String pid) {
        String holder = holders.putIfAbsent(folder, pid);
        return holder == null || holder.equals(pid) ? Optional.empty() : Optional.of(holder);
    }

    /** Gives a folder up, when {@code pid} holds it. */
    synchronized void release(Path folder, String pid) {
        holders.remove(folder, pid);
    }
}
