package dev.graft.host.internal.plan;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

/**
 * Which site configuration holds which folder, so that one folder is loaded by one configuration
 * only, and the import policy file that configuration names for its plugins.
 */
@Component(service = SiteClaims.class)
public final class SiteClaims {

    private record Claim(String pid, Optional<Path> policy) {
    }

    private final Map<Path, Claim> claims = new HashMap<>();

    /**
     * Claims a folder for a configuration.
     *
     * @param folder the site folder, absolute and normalized
     * @param pid the configuration's PID
     * @param policy the import policy file the configuration names, if any
     * @return the PID of the configuration that holds the folder already, or empty when the claim succeeded
     */
    public synchronized Optional<String> claim(Path folder, String pid, Optional<Path> policy) {
        Claim held = claims.get(folder);
        if (held != null && !held.pid().equals(pid)) {
            return Optional.of(held.pid());
        }
        claims.put(folder, new Claim(pid, policy));
        return Optional.empty();
    }

    /** Gives a folder up, when {@code pid} holds it. */
    public synchronized void release(Path folder, String pid) {
        claims.computeIfPresent(folder, (f, held) -> held.pid().equals(pid) ? null : held);
    }

    /**
     * @param folder a site folder, absolute and normalized
     * @return the import policy file that the configuration holding the folder names, if any
     */
    public synchronized Optional<Path> policy(Path folder) {
        Claim held = claims.get(folder);
        return held == null ? Optional.empty() : held.policy();
    }
}
