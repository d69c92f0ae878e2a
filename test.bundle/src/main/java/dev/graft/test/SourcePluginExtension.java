package dev.graft.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

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

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        injectFields(context, null);
        if (context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_CLASS) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                injectFields(context, instance);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_METHOD) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                injectFields(context, instance);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(InjectSourcePlugin.class)) {
            return checkType(type, parameter.getParameter().toString());
        }
        return type == PluginKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PluginKit kit = kit(context);
        return parameter.findAnnotation(InjectSourcePlugin.class)
            .map(a -> inject(kit, a, parameter.getParameter().getType()))
            .orElse(kit);
    }

    private static void injectFields(ExtensionContext context, Object instance) throws IllegalAccessException {
        Class<?> type = instance == null ? context.getRequiredTestClass() : instance.getClass();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
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
