package dev.graft.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.graft.test.internal.RegisteredServices;
import dev.graft.test.internal.RegisteredServices.Service;

/** Assertions on a swap: whether it succeeded, which services left and arrived, whether the old version is collected. */
public final class SwapAssert {

    private final PluginSwap swap;

    SwapAssert(PluginSwap swap) {
        this.swap = swap;
    }

    /**
     * Passes when the new version replaced the old one.
     *
     * @return this
     */
    public SwapAssert succeeded() {
        if (!swap.succeeded()) {
            throw new AssertionError("expected the swap of plugin " + swap.result().name() + " to succeed, but it failed:\n  "
                + String.join("\n  ", swap.result().problems()));
        }
        return this;
    }

    /**
     * Passes when the swap failed and the old version is still installed and active.
     *
     * @return this
     */
    public SwapAssert failedKeepingTheOldVersion() {
        if (swap.succeeded()) {
            throw new AssertionError("expected the swap of plugin " + swap.result().name() + " to fail, but bundle "
                + swap.result().plugin().bundleId() + " replaced bundle " + swap.before().bundleId());
        }
        new LoadedPluginAssert(swap.before()).isActive();
        return this;
    }

    /**
     * Passes when none of the services the old version registered before the swap is still
     * registered.
     *
     * @return this
     */
    public SwapAssert oldServicesLeft() {
        List<Service> still = new ArrayList<>();
        for (Service s : swap.servicesBefore()) {
            if (RegisteredServices.isRegistered(swap.kit().context(), s)) {
                still.add(s);
            }
        }
        if (!still.isEmpty()) {
            throw new AssertionError("expected the services of the old version of plugin " + swap.result().name() + " (bundle "
                + swap.before().bundleId() + ") to have left, but " + still + (still.size() == 1 ? " is" : " are")
                + " still registered");
        }
        return this;
    }

    /**
     * Passes when the new version's bundle registers a service under each of the types; with no
     * type, under every type the old version registered services under.
     *
     * @param types the service types
     * @return this
     */
    public SwapAssert newServicesArrived(Class<?>... types) {
        List<String> names = new ArrayList<>();
        for (Class<?> t : types) {
            names.add(t.getName());
        }
        return newServicesArrived(names.isEmpty() ? swap.serviceNamesBefore().stream().distinct().toList() : names);
    }

    /**
     * Passes when the new version's bundle registers a service under each of the type names.
     *
     * @param objectClasses the service type names
     * @return this
     */
    public SwapAssert newServicesArrived(List<String> objectClasses) {
        succeeded();
        LoadedPlugin now = swap.after();
        List<Service> services = RegisteredServices.of(now.bundle().orElse(null));
        List<String> missing = objectClasses.stream().filter(n -> !RegisteredServices.anyUnder(services, n)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("expected the new version of plugin " + now.name() + " (bundle " + now.bundleId()
                + ") to provide " + missing + ", but it provides " + (services.isEmpty() ? "no service" : services));
        }
        return this;
    }

    /**
     * Passes when the old version's class loader becomes unreachable within the timeout.
     *
     * @param timeout how long to wait, collecting garbage meanwhile
     * @return this
     */
    public SwapAssert oldVersionCollectableWithin(Duration timeout) {
        succeeded();
        new LoadedPluginAssert(swap.before()).isCollectableWithin(timeout);
        return this;
    }
}
