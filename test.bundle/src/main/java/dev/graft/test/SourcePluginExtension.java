package dev.graft.test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dev.graft.compiler.Build;
import dev.graft.host.PluginRecord;
import dev.graft.host.PluginState;
import dev.graft.test.internal.ConfigValues;

/**
 * The JUnit 5 extension of the kit; it works beside OSGi Test's {@code BundleContextExtension}
 * and {@code ServiceExtension}. It opens one {@link PluginKit} per scope (the test class for
 * static fields and {@code @BeforeAll} parameters, each test method for the rest), injects
 * {@link InjectSourcePlugin} and {@link InjectPluginKit} fields and {@link PluginKit} and
 * {@link InjectSourcePlugin} parameters, and closes the kit when its scope ends: every plugin it
 * loaded is unloaded and every folder it wrote is deleted.
 *
 * <pre>
 * &#64;ExtendWith(BundleContextExtension.class)
 * &#64;ExtendWith(ServiceExtension.class)
 * &#64;ExtendWith(SourcePluginExtension.class)
 * class HelloTest { ... }
 * </pre>
 */
public final class SourcePluginExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SourcePluginExtension.class);

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public SourcePluginExtension() {
    }

    /**
     * Static fields: the plugins, then the class's {@link ConfigurePlugin} of plugins loaded now,
     * then the services; with {@code PER_CLASS}, the instance fields the same way.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        injectFields(context, null);
        boolean perClass = context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_CLASS;
        if (perClass) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                injectFields(context, instance);
            }
        }
        List<ConfigurePlugin> later = new ArrayList<>();
        for (ConfigurePlugin c : configurations(context.getRequiredTestClass())) {
            if (perClass || isLoaded(kit(context), c.plugin())) {
                configure(kit(context), c, context.getRequiredTestClass().getName());
            } else {
                later.add(c);
            }
        }
        context.getStore(NAMESPACE).put(CLASS_CONFIGURATIONS_LATER, later);
        injectServices(context, null);
        if (perClass) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                injectServices(context, instance);
            }
        }
    }

    /**
     * Instance fields: the plugins, then the class's {@link ConfigurePlugin} that waited for them
     * and the method's, then the services.
     */
    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        boolean perMethod = context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_METHOD;
        if (perMethod) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                injectFields(context, instance);
            }
        }
        @SuppressWarnings("unchecked")
        List<ConfigurePlugin> later = context.getParent().map(p -> p.getStore(NAMESPACE).get(CLASS_CONFIGURATIONS_LATER, List.class))
            .orElse(List.of());
        for (ConfigurePlugin c : later) {
            configure(kit(context), c, context.getRequiredTestClass().getName());
        }
        for (ConfigurePlugin c : configurations(context.getRequiredTestMethod())) {
            configure(kit(context), c, context.getRequiredTestMethod().toString());
        }
        if (perMethod) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                injectServices(context, instance);
            }
        }
    }

    private static final String CLASS_CONFIGURATIONS_LATER = "class configurations applied before each test";

    private static List<ConfigurePlugin> configurations(AnnotatedElement element) {
        return Arrays.asList(element.getAnnotationsByType(ConfigurePlugin.class));
    }

    private static boolean isLoaded(PluginKit kit, String name) {
        return kit.registry().plugin(name).map(r -> r.state() == PluginState.ACTIVE).orElse(false);
    }

    private static void configure(PluginKit kit, ConfigurePlugin c, String where) {
        PluginRecord record = kit.registry().plugin(c.plugin()).filter(r -> r.state() == PluginState.ACTIVE)
            .orElseThrow(() -> new ExtensionConfigurationException("@ConfigurePlugin on " + where + " names plugin " + c.plugin()
                + ", which is not loaded and active: load it with @InjectSourcePlugin on a field (a static field for a "
                + "configuration of the class), or configure it in the test with kit.configure(...)"));
        Map<String, Object> values;
        try {
            values = ConfigValues.parse(c.properties(), "@ConfigurePlugin on " + where);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        kit.configure(new LoadedPlugin(kit, record), c.pid(), values, Duration.ofMillis(c.timeoutMillis()));
    }

    private static void injectServices(ExtensionContext context, Object instance) throws IllegalAccessException {
        Class<?> type = instance == null ? context.getRequiredTestClass() : instance.getClass();
        for (Class<?> c : hierarchy(type)) {
            for (Field field : c.getDeclaredFields()) {
                InjectPluginService service = field.getAnnotation(InjectPluginService.class);
                if (service == null || Modifier.isStatic(field.getModifiers()) != (instance == null)) {
                    continue;
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    throw new ExtensionConfigurationException("field " + field + " is final: the kit cannot inject it");
                }
                field.setAccessible(true);
                field.set(instance, service(kit(context), service, field.getGenericType(), field.toString()));
            }
        }
    }

    private static Object service(PluginKit kit, InjectPluginService service, Type type, String where) {
        Duration timeout = Duration.ofMillis(service.timeoutMillis());
        if (type instanceof ParameterizedType p && p.getRawType() == List.class && p.getActualTypeArguments()[0] instanceof Class<?> view) {
            return kit.servicesAs(view, name(service, view), service.filter(), service.cardinality(), timeout);
        }
        if (type instanceof Class<?> view && view.isInterface()) {
            return kit.serviceAs(view, name(service, view), service.filter(), timeout, service.cardinality() > 0);
        }
        throw new ExtensionConfigurationException("@InjectPluginService on " + where + ": the type must be an interface of the "
            + "test's (or List of one), not " + type.getTypeName());
    }

    private static String name(InjectPluginService service, Class<?> view) {
        return service.value().isEmpty() ? view.getName() : service.value();
    }

    /** The class and its superclasses, the topmost first, so that a base class's fields come first. */
    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            out.add(0, c);
        }
        return out;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(InjectPluginService.class)) {
            return true;
        }
        if (parameter.isAnnotated(InjectSourcePlugin.class)) {
            return checkType(type, parameter.getParameter().toString());
        }
        return type == PluginKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PluginKit kit = kit(context);
        var service = parameter.findAnnotation(InjectPluginService.class);
        if (service.isPresent()) {
            return service(kit, service.get(), parameter.getParameter().getParameterizedType(), parameter.getParameter().toString());
        }
        return parameter.findAnnotation(InjectSourcePlugin.class)
            .map(a -> inject(kit, a, parameter.getParameter().getType()))
            .orElse(kit);
    }

    private static void injectFields(ExtensionContext context, Object instance) throws IllegalAccessException {
        Class<?> type = instance == null ? context.getRequiredTestClass() : instance.getClass();
        for (Class<?> c : hierarchy(type)) {
            for (Field field : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(field.getModifiers());
                if (isStatic != (instance == null)) {
                    continue;
                }
                InjectSourcePlugin plugin = field.getAnnotation(InjectSourcePlugin.class);
                boolean wantsKit = field.isAnnotationPresent(InjectPluginKit.class);
                if (plugin == null && !wantsKit) {
                    continue;
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    throw new ExtensionConfigurationException("field " + field + " is final: the kit cannot inject it");
                }
                if (wantsKit && field.getType() != PluginKit.class) {
                    throw new ExtensionConfigurationException("@InjectPluginKit field " + field + " must be of type PluginKit");
                }
                field.setAccessible(true);
                if (plugin != null) {
                    checkType(field.getType(), field.toString());
                    field.set(instance, inject(kit(context), plugin, field.getType()));
                } else {
                    field.set(instance, kit(context));
                }
            }
        }
    }

    private static boolean checkType(Class<?> type, String where) {
        if (type != LoadedPlugin.class && type != Build.class) {
            throw new ExtensionConfigurationException("@InjectSourcePlugin on " + where + ": the type must be LoadedPlugin "
                + "(compiled and loaded) or Build (compiled only), not " + type.getName());
        }
        return true;
    }

    private static Object inject(PluginKit kit, InjectSourcePlugin plugin, Class<?> type) {
        return type == Build.class ? kit.compile(plugin.value()) : kit.load(plugin.value());
    }

    /** The kit of exactly this scope; a parent scope's kit is not reused, so each scope cleans up its own. */
    private static PluginKit kit(ExtensionContext context) {
        return context.getStore(NAMESPACE)
            .getOrComputeIfAbsent("kit " + context.getUniqueId(), key -> new ScopedKit(PluginKit.open(bundleContext(context))),
                ScopedKit.class)
            .kit();
    }

    private static org.osgi.framework.BundleContext bundleContext(ExtensionContext context) {
        Bundle bundle = FrameworkUtil.getBundle(context.getRequiredTestClass());
        if (bundle == null || bundle.getBundleContext() == null) {
            throw new ExtensionConfigurationException("SourcePluginExtension needs the test class "
                + context.getRequiredTestClass().getName() + " to run in an active bundle of an OSGi framework "
                + "(bnd-testing-maven-plugin, or bnd's launcher)");
        }
        return bundle.getBundleContext();
    }

    /**
     * Closes the kit when JUnit closes the store of its scope: JUnit 5.13 and later close
     * {@link AutoCloseable} values, earlier versions {@code CloseableResource} ones.
     */
    private record ScopedKit(PluginKit kit) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            kit.close();
        }
    }
}
