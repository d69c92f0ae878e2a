package dev.graft.host.internal.load;

import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.bundle.CollisionHook;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Lets a swap install a plugin's new version beside the old one under the framework's default
 * {@code org.osgi.framework.bsnversion=managed}: when Graft's host installs a bundle, a bundle of
 * the same symbolic name and version is no collision if Graft installed it too (its location
 * starts with {@value Registry#LOCATION_SCHEME}). Every other install keeps the framework's rule.
 */
@Component(name = SideBySideVersions.NAME, service = CollisionHook.class)
public final class SideBySideVersions implements CollisionHook {

    /** The component's name, by which the loader asks for this hook among others. */
    static final String NAME = "dev.graft.host.side-by-side-versions";

    private long hostBundleId;

    @Activate
    void activate(BundleContext context) {
        hostBundleId = context.getBundle().getBundleId();
    }

    @Override
    public void filterCollisions(int operationType, Bundle target, Collection<Bundle> collisionCandidates) {
        if (operationType == INSTALLING && target.getBundleId() == hostBundleId) {
            collisionCandidates.removeIf(b -> isGrafts(b.getLocation()));
        }
    }

    static boolean isGrafts(String location) {
        return location != null && location.startsWith(Registry.LOCATION_SCHEME);
    }
}
