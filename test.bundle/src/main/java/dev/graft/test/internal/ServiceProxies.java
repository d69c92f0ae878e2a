package dev.graft.test.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import dev.graft.test.ServiceGoneException;

/**
 * Proxies that let a test call a plugin's service through an interface of its own, whose methods
 * have the names and parameters of the service's: each call is made by name through reflection
 * on the service object. The service is got from the framework for the call and released after
 * it, so a proxy never keeps a retired version of a plugin reachable.
 */
public final class ServiceProxies {

    private static final Map<Class<?>, Map<Method, Method>> TARGETS = new ConcurrentHashMap<>();

    private ServiceProxies() {
    }

    /**
     * A proxy that calls the best service matching the query at each call, waiting up to the
     * timeout for one when none is registered; a swap moves it to the new version.
     *
     * @param context the test bundle's context
     * @param query which services
     * @param view the test's interface
     * @param timeout how long a call waits for a service
     * @param <T> the test's interface
     * @return the proxy
     */
    public static <T> T following(BundleContext context, ServiceQuery query, Class<T> view, Duration timeout) {
        checkView(view);
        return view.cast(Proxy.newProxyInstance(view.getClassLoader(), new Class<?>[] {view}, new Handler() {
            @Override
            ServiceReference<?> reference() {
                List<ServiceReference<?>> now = query.find(context);
                return now.isEmpty() ? query.await(context, 1, timeout, r -> true).get(0) : now.get(0);
            }

            @Override
            BundleContext context() {
                return context;
            }

            @Override
            boolean following() {
                return true;
            }

            @Override
            public String toString() {
                return view.getSimpleName() + " proxy following " + query.ldap();
            }
        }));
    }

    /**
     * A proxy bound to one service: once that service is unregistered, every call fails with
     * {@link ServiceGoneException}.
     *
     * @param context the test bundle's context
     * @param ref the service
     * @param view the test's interface
     * @param <T> the test's interface
     * @return the proxy
     */
    public static <T> T bound(BundleContext context, ServiceReference<?> ref, Class<T> view) {
        checkView(view);
        return view.cast(Proxy.newProxyInstance(view.getClassLoader(), new Class<?>[] {view}, new Handler() {
            @Override
            ServiceReference<?> reference() {
                return ref;
            }

            @Override
            BundleContext context() {
                return context;
            }

            @Override
            public String toString() {
                return view.getSimpleName() + " proxy of " + ServiceQuery.describe(ref);
            }
        }));
    }

    private static void checkView(Class<?> view) {
        if (!view.isInterface()) {
            throw new IllegalArgumentException(view.getName() + " is not an interface: a service the test cannot see is called "
                + "through an interface of the test's with the same method names and parameters");
        }
    }

    /** Calls a plain object (a value a service returned) by name through an interface of the test's. */
    private static Object wrapping(Object target, Class<?> view) {
        return Proxy.newProxyInstance(view.getClassLoader(), new Class<?>[] {view}, new ObjectHandler(target));
    }

    private abstract static class Handler implements InvocationHandler {

        abstract ServiceReference<?> reference();

        abstract BundleContext context();

        /** @return whether each call looks the best matching service up again */
        boolean following() {
            return false;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> toString();
                };
            }
            ServiceReference<?> ref = reference();
            Object service = context().getService(ref);
            if (service == null && following()) {
                // unregistered between the look-up and the get (a swap in progress): look again once
                ref = reference();
                service = context().getService(ref);
            }
            if (service == null) {
                throw new ServiceGoneException("the service " + ServiceQuery.describe(ref) + " was unregistered before the call "
                    + signature(method) + " (its plugin was swapped or unloaded)", null);
            }
            try {
                return call(service, method, args);
            } catch (InvocationTargetException e) {
                if (!ServiceQuery.registered(context(), ref)) {
                    throw new ServiceGoneException("the service " + ServiceQuery.describe(ref) + " went away during the call "
                        + signature(method) + " (its plugin was swapped or unloaded) and the call threw " + e.getCause()
                        + "; call again to reach its replacement", e.getCause());
                }
                throw e.getCause();
            } finally {
                try {
                    context().ungetService(ref);
                } catch (IllegalStateException testBundleStopped) {
                    // nothing to release
                }
            }
        }

        @Override
        public abstract String toString();
    }

    private static final class ObjectHandler implements InvocationHandler {

        private final Object target;

        ObjectHandler(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class && !method.getName().equals("toString")) {
                return method.getName().equals("equals") ? proxy == args[0] : (Object) System.identityHashCode(proxy);
            }
            try {
                return call(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static Object call(Object target, Method viewMethod, Object[] args) throws InvocationTargetException, IllegalAccessException {
        Object[] plain = args == null ? new Object[0] : Arrays.stream(args).map(ServiceProxies::unwrap).toArray();
        Method m = target(target.getClass(), viewMethod, plain);
        Object result = m.invoke(target, plain);
        Class<?> wanted = viewMethod.getReturnType();
        if (result == null || wanted == void.class || wanted.isPrimitive() || wanted.isInstance(result)) {
            return result;
        }
        if (wanted.isInterface()) {
            return wrapping(result, wanted);
        }
        throw new ClassCastException(signature(viewMethod) + " of the test's interface returns " + wanted.getName() + ", but "
            + target.getClass().getName() + "." + m.getName() + " returned a " + result.getClass().getName()
            + ": declare the return type as an interface of the test's (it is called by name too) or as a type both see");
    }

    private static Object unwrap(Object arg) {
        if (arg != null && Proxy.isProxyClass(arg.getClass()) && Proxy.getInvocationHandler(arg) instanceof ObjectHandler h) {
            return h.target;
        }
        return arg;
    }

    /** The public method of the target's class (reached through a public type) that the view's method stands for. */
    private static Method target(Class<?> type, Method viewMethod, Object[] args) {
        Method cached = TARGETS.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).get(viewMethod);
        if (cached != null && accepts(cached, args)) {
            return cached;
        }
        List<Method> candidates = new ArrayList<>();
        for (Class<?> c : publicTypes(type)) {
            for (Method m : c.getMethods()) {
                if (m.getName().equals(viewMethod.getName()) && m.getParameterCount() == args.length) {
                    candidates.add(m);
                }
            }
        }
        for (Method m : candidates) {
            if (accepts(m, args)) {
                TARGETS.get(type).put(viewMethod, m);
                return m;
            }
        }
        for (Method m : type.getMethods()) {
            if (m.getName().equals(viewMethod.getName()) && m.getParameterCount() == args.length && accepts(m, args)) {
                // a public method that only a class the test cannot reach declares
                m.setAccessible(true);
                TARGETS.get(type).put(viewMethod, m);
                return m;
            }
        }
        List<String> named = new ArrayList<>();
        for (Class<?> c : publicTypes(type)) {
            for (Method m : c.getMethods()) {
                if (m.getName().equals(viewMethod.getName())) {
                    named.add(m.toGenericString());
                }
            }
        }
        throw new IllegalArgumentException("the service object " + type.getName() + " has no public method " + viewMethod.getName()
            + " taking " + Arrays.stream(args).map(a -> a == null ? "null" : a.getClass().getName()).toList()
            + (named.isEmpty() ? "; it has no method of that name" : "; its methods of that name: " + new LinkedHashSet<>(named)));
    }

    /** The type itself when public, and every public interface and superclass it has, so that a call needs no setAccessible. */
    private static Set<Class<?>> publicTypes(Class<?> type) {
        Set<Class<?>> out = new LinkedHashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> c = todo.remove(0);
            if (c == null || c == Object.class || !out.add(c)) {
                continue;
            }
            todo.add(c.getSuperclass());
            todo.addAll(Arrays.asList(c.getInterfaces()));
        }
        out.removeIf(c -> !Modifier.isPublic(c.getModifiers()));
        return out;
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] params = m.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            Class<?> p = params[i].isPrimitive() ? boxed(params[i]) : params[i];
            if (args[i] == null ? params[i].isPrimitive() : !p.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList().toString()
            .replace('[', '(').replace(']', ')');
    }
}
