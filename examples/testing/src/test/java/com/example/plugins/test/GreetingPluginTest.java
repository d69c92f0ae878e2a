package com.example.plugins.test;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.graft.compiler.Build;
import dev.graft.test.InjectSourcePlugin;
import dev.graft.test.LoadedPlugin;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.PluginSwap;
import dev.graft.test.SourcePluginExtension;

/** The plugins of plugins/, compiled from source and run in Felix by Graft. */
@ExtendWith(SourcePluginExtension.class)
class GreetingPluginTest {

    /** Compiled, installed and started before each test; unloaded after it. */
    @InjectSourcePlugin("plugins/greeting")
    LoadedPlugin greeting;

    @Test
    @SuppressWarnings("unchecked")
    void theGreetingPluginProvidesAGreetingFunction() {
        assertThat(greeting).isActive().hasActiveComponent("com.example.greeting.Greeting").providesService(Function.class);
        Function<String, String> greet = greeting.service(Function.class);
        assertEquals("Hello, Ada!", greet.apply("Ada"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWelcomePluginUsesTheGreeting(PluginKit kit) {
        LoadedPlugin welcome = kit.load("plugins/welcome");
        assertThat(welcome).isActive().hasAllComponentsActive().providesService(Supplier.class);
        assertEquals("Welcome! Hello, visitor!", welcome.service(Supplier.class).get());
    }

    @Test
    void aTypoIsACompileErrorAtItsPosition(PluginKit kit) {
        Build build = kit.compile(PluginSources.named("greeting").file("src/com/example/greeting/Greeting.java", """
            package com.example.greeting;

            public class Greeting {
                String greet(String name) {
                    return "Hello, " + nme;
                }
            }
            """));
        assertThat(build).hasError().at("Greeting.java", 5, 28).containing("nme cannot be resolved");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewGreetingIsSwappedInAndTheOldOneLeaves(PluginKit kit) throws Exception {
        LoadedPlugin welcome = kit.load("plugins/welcome");
        PluginSources howdy = PluginSources.from(kit.resolve("plugins/greeting"))
            .edit("src/com/example/greeting/Greeting.java", text -> text.replace("Hello", "Howdy"))
            .bnd("Bundle-Version: 1.1.0");
        PluginSwap swap = kit.swap(greeting, howdy);
        assertThat(swap).succeeded()
            .oldServicesLeft()
            .newServicesArrived(Function.class)
            .oldVersionCollectableWithin(Duration.ofSeconds(10));
        assertEquals("Welcome! Howdy, visitor!", welcome.service(Supplier.class).get());
    }
}
