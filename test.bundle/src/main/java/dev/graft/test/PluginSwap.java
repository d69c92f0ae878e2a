package dev.graft.test;

import java.util.List;
import java.util.Optional;

import dev.graft.host.SwapResult;
import dev.graft.test.internal.RegisteredServices;

/**
 * A swap that a {@link PluginKit} made: the version before, the loader's {@link SwapResult}, and
 * the services the old version registered just before the swap, so that {@link SwapAssert} can
 * say which left and which arrived.
 */
public final class PluginSwap {

    private final PluginKit kit;
    private final LoadedPlugin before;
    private final SwapResult result;
    private final List<RegisteredServices.Service> servicesBefore;

    PluginSwap(PluginKit kit, LoadedPlugin before, SwapResult result, List<RegisteredServices.Service> servicesBefore) {
        this.kit = kit;
        this.before = before;
        this.result = result;
        this.servicesBefore = List.copyOf(servicesBefore);
    }

    /** @return the version that was loaded before the swap */
    public LoadedPlugin before() {
        return before;
    }

    /** @return the version that runs after the swap: the new one, or the old one when the swap failed */
    public LoadedPlugin after() {
        return result.succeeded() ? new LoadedPlugin(kit, result.plugin()) : before;
    }

    /** @return the new version when the swap succeeded */
    public Optional<LoadedPlugin> newVersion() {
        return result.succeeded() ? Optional.of(after()) : Optional.empty();
    }

    /** @return what the loader reported */
    public SwapResult result() {
        return result;
    }

    /** @return whether the new version replaced the old one */
    public boolean succeeded() {
        return result.succeeded();
    }

    /** @return the type names of the services the old version registered just before the swap */
    public List<String> serviceNamesBefore() {
        return servicesBefore.stream().flatMap(s -> s.objectClasses().stream()).toList();
    }

    List<RegisteredServices.Service> servicesBefore() {
        return servicesBefore;
    }

    PluginKit kit() {
        return kit;
    }

    @Override
    public String toString() {
        return "swap of " + result.name() + " (bundle " + before.bundleId() + " -> " + result.plugin().bundleId() + ", "
            + (result.succeeded() ? "succeeded" : "failed") + ")";
    }
}
