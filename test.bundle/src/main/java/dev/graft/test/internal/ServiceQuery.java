package dev.graft.test.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Services registered under a type name that match an optional LDAP filter, as the test bundle
 * sees them, best first (highest ranking, then lowest id); and waits for them, saying at the
 * deadline what was registered instead.
 *
 * @param objectClass the type name
 * @param filter an LDAP filter on the service properties, or empty
 */
public record ServiceQuery(String objectClass, Optional<String> filter) {

    /** Checks the filter's syntax now, so that a typo fails with its text rather than as a timeout. */
    public ServiceQuery {
        filter = filter.filter(f -> !f.isBlank());
        try {
            FrameworkUtil.createFilter(ldap(objectClass, filter));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("the filter " + filter.orElse("") + " is not an LDAP filter: " + e.getMessage(), e);
        }
    }

    /** @return the filter of the type and the test's filter together */
    public String ldap() {
        return ldap(objectClass, filter);
    }

    private static String ldap(String objectClass, Optional<String> filter) {
        String type = "(" + Constants.OBJECTCLASS + "=" + objectClass + ")";
        return filter.map(f -> "(&" + type + (f.startsWith("(") ? f : "(" + f + ")") + ")").orElse(type);
    }

    /**
     * @param context the test bundle's context
     * @return the matching services now, best first; services of types the test bundle cannot
     *         see the same way as their provider are included
     */
    public List<ServiceReference<?>> find(BundleContext context) {
        return references(context, ldap());
    }

    /**
     * Waits until at least {@code count} services match and the extra condition holds for them.
     *
     * @param context the test bundle's context
     * @param count how many are wanted, at least one
     * @param timeout how long to wait
     * @param accept which of the matching services count
     * @return the accepted services, best first
     * @throws AssertionError at the deadline, saying what is missing and what is registered under the type
     */
    public List<ServiceReference<?>> await(BundleContext context, int count, Duration timeout, Predicate<ServiceReference<?>> accept) {
        return EventWait.until(context, timeout, null, () -> {
            List<ServiceReference<?>> found = find(context).stream().filter(accept).toList();
            return found.size() >= count ? Optional.of(found) : Optional.<List<ServiceReference<?>>>empty();
        }).orElseThrow(() -> new AssertionError(missing(context, count, timeout, "")));
    }

    /**
     * @param context the test bundle's context
     * @param count how many were wanted
     * @param timeout how long was waited
     * @param what more words on what was wanted, or empty
     * @return "no service T with (f) after 5 s; present: ..."
     */
    public String missing(BundleContext context, int count, Duration timeout, String what) {
        String wanted = count <= 1 ? "no service " + objectClass : "fewer than " + count + " services " + objectClass;
        List<ServiceReference<?>> present = references(context, "(" + Constants.OBJECTCLASS + "=" + objectClass + ")");
        return wanted + filter.map(f -> " with " + f).orElse("") + what + " after " + seconds(timeout) + "; present:"
            + (present.isEmpty() ? " none under that type" : describe(present));
    }

    /**
     * @param refs some services
     * @return each with its id, bundle and own properties, one a line
     */
    public static String describe(List<ServiceReference<?>> refs) {
        List<String> lines = new ArrayList<>();
        for (ServiceReference<?> ref : refs) {
            lines.add(describe(ref));
        }
        return "\n  " + String.join("\n  ", lines);
    }

    /**
     * @param ref a service
     * @return its id, its bundle and its properties but the framework's
     */
    public static String describe(ServiceReference<?> ref) {
        TreeMap<String, String> own = new TreeMap<>();
        for (String key : ref.getPropertyKeys()) {
            if (!key.equals(Constants.OBJECTCLASS) && !key.equals(Constants.SERVICE_ID) && !key.equals(Constants.SERVICE_BUNDLEID)
                && !key.equals(Constants.SERVICE_SCOPE)) {
                Object v = ref.getProperty(key);
                own.put(key, v instanceof Object[] a ? Arrays.toString(a) : String.valueOf(v));
            }
        }
        var bundle = ref.getBundle();
        return "service.id=" + ref.getProperty(Constants.SERVICE_ID) + " of "
            + (bundle == null ? "a bundle that is gone" : bundle.getSymbolicName() + " (bundle " + bundle.getBundleId() + ")") + " " + own;
    }

    /** "5 s", "1.5 s", "200 ms" */
    public static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static List<ServiceReference<?>> references(BundleContext context, String ldap) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, ldap);
            if (refs == null) {
                return List.of();
            }
            List<ServiceReference<?>> sorted = new ArrayList<>(Arrays.asList(refs));
            sorted.sort(Comparator.<ServiceReference<?>>naturalOrder().reversed());
            return sorted;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Whether the service is still in the registry. The framework takes a service out of the
     * registry before it releases the bundles that use it (and Declarative Services deactivates
     * the component then), while {@code ref.getBundle()} still answers until the unregistration
     * is over: a call that fails because of that release sees the service gone here.
     *
     * @param context a bundle context
     * @param ref a service
     * @return whether it can still be found
     */
    public static boolean registered(BundleContext context, ServiceReference<?> ref) {
        try {
            return ref.getBundle() != null
                && context.getAllServiceReferences(null, "(" + Constants.SERVICE_ID + "=" + ref.getProperty(Constants.SERVICE_ID) + ")") != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
