package dev.graft.host.internal.swap;

import java.util.Collection;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * While a set of plugins is swapped, keeps the new bundles of the set from being wired to the old
 * bundles of the set: a new dependant must use the new version of the plugin it depends on, even
 * when the old one exports the same package at the same version (a resolver would prefer the old,
 * already resolved one). A standard resolver hook, registered for the time of the swap.
 */
final class SetWiring implements ResolverHookFactory, AutoCloseable {

    private final Set<String> newLocations;
    private final Set<Long> oldBundles;
    private final ServiceRegistration<ResolverHookFactory> registration;

    private SetWiring(BundleContext context, Set<String> newLocations, Set<Long> oldBundles) {
        this.newLocations = Set.copyOf(newLocations);
        this.oldBundles = Set.copyOf(oldBundles);
        this.registration = context.registerService(ResolverHookFactory.class, this, null);
    }

    /**
     * @param context the loader's context
     * @param newLocations the locations the new set is installed under
     * @param oldBundles the ids of the old set's bundles
     * @return the hook, registered until it is closed
     */
    static SetWiring hide(BundleContext context, Set<String> newLocations, Set<Long> oldBundles) {
        return new SetWiring(context, newLocations, oldBundles);
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                // every bundle may resolve
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
                // singletons are not this hook's business
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                if (newLocations.contains(requirement.getRevision().getBundle().getLocation())) {
                    candidates.removeIf(c -> oldBundles.contains(c.getRevision().getBundle().getBundleId()));
                }
            }

            @Override
            public void end() {
                // nothing to release
            }
        };
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
