package dev.graft.test.it.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** What the one {@code Supplier<String>} service a test plugin registers with {@code plugin=NAME} answers. */
final class Answers {

    private Answers() {
    }

    @SuppressWarnings("unchecked")
    static String of(BundleContext context, String name) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences(Supplier.class.getName(), "(plugin=" + name + ")");
        assertEquals(1, refs == null ? 0 : refs.length, "one registered service of " + name);
        Supplier<String> s = (Supplier<String>) context.getService(refs[0]);
        try {
            return s.get();
        } finally {
            context.ungetService(refs[0]);
        }
    }
}
