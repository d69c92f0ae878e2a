package dev.graft.test;

import java.util.Optional;

import dev.graft.compiler.Build;
import dev.graft.compiler.CheckResult;

/**
 * Entry points of the kit's assertions; import them statically. Each assertion throws an
 * {@link AssertionError} whose message says what was expected and shows what there is.
 *
 * <pre>
 * assertThat(kit.compile("plugins/broken")).hasError().at("Hello.java", 3, 9).containing("cannot be resolved");
 * assertThat(kit.load("plugins/hello")).isActive().hasAllComponentsActive().providesService(Greeter.class);
 * assertThat(kit.swap(hello, "plugins/hello-v2")).succeeded().oldServicesLeft().newServicesArrived(Greeter.class);
 * </pre>
 */
public final class GraftAssertions {

    private GraftAssertions() {
    }

    /**
     * @param build a build from the compiler
     * @return assertions on its diagnostics
     */
    public static BuildAssert assertThat(Build build) {
        return new BuildAssert("build of plugin " + build.name(), build.diagnostics(), Optional.of(build.bundle().isPresent()));
    }

    /**
     * @param check the result of a check
     * @return assertions on its diagnostics
     */
    public static BuildAssert assertThat(CheckResult check) {
        return new BuildAssert("check of plugin " + check.name(), check.diagnostics(), Optional.empty());
    }

    /**
     * @param plugin a plugin the kit loaded
     * @return assertions on its state, components and services
     */
    public static LoadedPluginAssert assertThat(LoadedPlugin plugin) {
        return new LoadedPluginAssert(plugin);
    }

    /**
     * @param swap a swap the kit made
     * @return assertions on its outcome and on the services that left and arrived
     */
    public static SwapAssert assertThat(PluginSwap swap) {
        return new SwapAssert(swap);
    }
}
