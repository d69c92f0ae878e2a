package dev.graft.compiler.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;

/**
 * Finds the concrete classes of a plugin that implement {@code org.osgi.framework.BundleActivator},
 * directly or through a superclass or interface of the plugin.
 */
final class ActivatorDetector {

    private static final String ACTIVATOR = "org/osgi/framework/BundleActivator";

    private ActivatorDetector() {
    }

    /**
     * @param classes class file bytes by entry path
     * @return the binary names of the concrete activator classes, sorted
     */
    static List<String> activators(Map<String, byte[]> classes) {
        Map<String, ClassFileReader> readers = new HashMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            try {
                ClassFileReader r = new ClassFileReader(e.getValue(), e.getKey().toCharArray());
                readers.put(new String(r.getName()), r);
            } catch (ClassFormatException ex) {
                // not a class ECJ can read back: it cannot be an activator either
            }
        }
        List<String> found = new ArrayList<>();
        for (ClassFileReader r : readers.values()) {
            if (instantiable(r) && implementsActivator(r, readers, 0)) {
                found.add(new String(r.getName()).replace('/', '.'));
            }
        }
        found.sort(null);
        return found;
    }

    /** A framework can instantiate a public top-level or static member class that is neither abstract nor an interface. */
    private static boolean instantiable(ClassFileReader r) {
        int modifiers = r.getModifiers();
        return (modifiers & 0x0200) == 0 && (modifiers & 0x0400) == 0 && !r.isAnonymous() && !r.isLocal()
            && (!r.isMember() || (modifiers & 0x0008) != 0);
    }

    private static boolean implementsActivator(ClassFileReader r, Map<String, ClassFileReader> readers, int depth) {
        if (r == null || depth > 64) {
            return false;
        }
        char[][] interfaces = r.getInterfaceNames();
        if (interfaces != null) {
            for (char[] i : interfaces) {
                String name = new String(i);
                if (ACTIVATOR.equals(name) || implementsActivator(readers.get(name), readers, depth + 1)) {
                    return true;
                }
            }
        }
        char[] superclass = r.getSuperclassName();
        return superclass != null && !CharOperation.equals(superclass, "java/lang/Object".toCharArray())
            && implementsActivator(readers.get(new String(superclass)), readers, depth + 1);
    }
}
