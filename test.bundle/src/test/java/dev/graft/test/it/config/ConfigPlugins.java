package dev.graft.test.it.config;

import dev.graft.test.PluginSources;

/** Source plugins with configurations the configuration tests load. */
final class ConfigPlugins {

    private ConfigPlugins() {
    }

    /**
     * A component of PID {@code t.tax} (configuration required, metatype {@code rate: int},
     * {@code mode: net|gross}, a required {@code label} without default) that provides
     * {@code Supplier<String>} with {@code plugin=NAME}, answering {@code rate=R:TYPE mode=M label=L}
     * where TYPE is the class of the value Configuration Admin delivered; and a factory component
     * {@code t.greeting} providing {@code Supplier<String>} with {@code greeting=true}.
     */
    static PluginSources tax(String name) {
        return PluginSources.named(name)
            .bnd("Bundle-Version: 1.0.0")
            .file("src/t/tax/Tax.java", """
                package t.tax;

                import java.util.Map;
                import java.util.function.Supplier;
                import org.osgi.service.component.annotations.Activate;
                import org.osgi.service.component.annotations.Component;
                import org.osgi.service.component.annotations.ConfigurationPolicy;
                import org.osgi.service.component.annotations.Modified;
                import org.osgi.service.metatype.annotations.AttributeDefinition;
                import org.osgi.service.metatype.annotations.Designate;
                import org.osgi.service.metatype.annotations.ObjectClassDefinition;
                import org.osgi.service.metatype.annotations.Option;

                @Component(configurationPid = "t.tax", configurationPolicy = ConfigurationPolicy.REQUIRE, property = "plugin=%s")
                @Designate(ocd = Tax.Config.class)
                public class Tax implements Supplier<String> {

                    @ObjectClassDefinition(name = "Tax")
                    public @interface Config {
                        int rate() default 1;

                        @AttributeDefinition(options = {@Option(value = "net"), @Option(value = "gross")})
                        String mode() default "net";

                        String label();
                    }

                    private volatile String text;

                    @Activate
                    @Modified
                    void configure(Config c, Map<String, Object> properties) {
                        text = "rate=" + c.rate() + ":" + properties.get("rate").getClass().getSimpleName() + " mode=" + c.mode()
                            + " label=" + c.label();
                    }

                    public String get() {
                        return text;
                    }
                }
                """.formatted(name))
            .file("src/t/tax/Greeting.java", """
                package t.tax;

                import java.util.function.Supplier;
                import org.osgi.service.component.annotations.Activate;
                import org.osgi.service.component.annotations.Component;
                import org.osgi.service.component.annotations.ConfigurationPolicy;
                import org.osgi.service.metatype.annotations.Designate;
                import org.osgi.service.metatype.annotations.ObjectClassDefinition;

                @Component(configurationPid = "t.greeting", configurationPolicy = ConfigurationPolicy.REQUIRE, property = "greeting=true")
                @Designate(ocd = Greeting.Config.class, factory = true)
                public class Greeting implements Supplier<String> {

                    @ObjectClassDefinition(name = "Greeting")
                    public @interface Config {
                        String text() default "hello";
                    }

                    private String text;

                    @Activate
                    void activate(Config c) {
                        text = c.text();
                    }

                    public String get() {
                        return text;
                    }
                }
                """);
    }

    /** Another plugin whose component requires the configuration of PID {@code t.tax} too. */
    static PluginSources otherTaxReader(String name) {
        return PluginSources.named(name)
            .file("src/t/other/Reader.java", """
                package t.other;

                import java.util.Map;
                import java.util.function.Supplier;
                import org.osgi.service.component.annotations.Activate;
                import org.osgi.service.component.annotations.Component;
                import org.osgi.service.component.annotations.ConfigurationPolicy;

                @Component(configurationPid = "t.tax", configurationPolicy = ConfigurationPolicy.REQUIRE, property = "plugin=%s")
                public class Reader implements Supplier<String> {
                    private String text;

                    @Activate
                    void activate(Map<String, Object> properties) {
                        text = String.valueOf(properties.get("rate"));
                    }

                    public String get() {
                        return text;
                    }
                }
                """.formatted(name));
    }

    /**
     * An API plugin {@code rates} exporting {@code t.rates.Rates} (whose {@code version()} answers
     * {@code version}), with a component of PID {@code t.rates} (metatype {@code factor: int})
     * providing {@code Supplier<String>} with {@code plugin=rates}, answering {@code factor=F VERSION}.
     */
    static PluginSources rates(String version) {
        return PluginSources.named("rates")
            .bnd("Bundle-Version: 1.0.0", "Export-Package: t.rates;version=1.0.0")
            .file("src/t/rates/Rates.java", """
                package t.rates;

                public final class Rates {
                    public static String version() {
                        return "%s";
                    }
                }
                """.formatted(version))
            .file("src/t/rates/internal/RatesComponent.java", """
                package t.rates.internal;

                import java.util.function.Supplier;
                import org.osgi.service.component.annotations.Activate;
                import org.osgi.service.component.annotations.Component;
                import org.osgi.service.component.annotations.ConfigurationPolicy;
                import org.osgi.service.metatype.annotations.Designate;
                import org.osgi.service.metatype.annotations.ObjectClassDefinition;

                @Component(configurationPid = "t.rates", configurationPolicy = ConfigurationPolicy.REQUIRE, property = "plugin=rates")
                @Designate(ocd = RatesComponent.Config.class)
                public class RatesComponent implements Supplier<String> {
                    @ObjectClassDefinition
                    public @interface Config {
                        int factor() default 1;
                    }

                    private String text;

                    @Activate
                    void activate(Config c) {
                        text = "factor=" + c.factor() + " " + t.rates.Rates.version();
                    }

                    public String get() {
                        return text;
                    }
                }
                """);
    }

    /**
     * A plugin {@code user} that uses {@code t.rates.Rates}, with a component of PID {@code t.user}
     * (metatype {@code limit: int}) providing {@code Supplier<String>} with {@code plugin=user},
     * answering {@code limit=L rates VERSION}.
     */
    static PluginSources ratesUser() {
        return PluginSources.named("user")
            .bnd("Bundle-Version: 1.0.0")
            .file("src/t/user/User.java", """
                package t.user;

                import java.util.function.Supplier;
                import org.osgi.service.component.annotations.Activate;
                import org.osgi.service.component.annotations.Component;
                import org.osgi.service.component.annotations.ConfigurationPolicy;
                import org.osgi.service.metatype.annotations.Designate;
                import org.osgi.service.metatype.annotations.ObjectClassDefinition;
                import t.rates.Rates;

                @Component(configurationPid = "t.user", configurationPolicy = ConfigurationPolicy.REQUIRE, property = "plugin=user")
                @Designate(ocd = User.Config.class)
                public class User implements Supplier<String> {
                    @ObjectClassDefinition
                    public @interface Config {
                        int limit() default 0;
                    }

                    private String text;

                    @Activate
                    void activate(Config c) {
                        text = "limit=" + c.limit() + " rates " + Rates.version();
                    }

                    public String get() {
                        return text;
                    }
                }
                """);
    }
}
