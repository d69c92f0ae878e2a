package dev.graft.compiler.internal;

/**
 * The package an import statement names. An import names a type (or, static, a member of a type)
 * by its canonical name, and only the Java convention tells where the package ends: the leading
 * segments that do not start upper case.
 */
final class ImportedPackage {

    private ImportedPackage() {
    }

    /**
     * @param name the dotted name after {@code import} (and {@code static}), without {@code .*}
     * @param isStatic whether the import is static: the last segment is a member, not a type
     * @param onDemand whether it ends in {@code .*}: for a plain import, the name is a package
     * @return the package, or {@code ""} when the name starts with a type
     */
    static String of(String name, boolean isStatic, boolean onDemand) {
        String[] segments = name.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].isEmpty() || Character.isUpperCase(segments[i].charAt(0)) || (last && (isStatic || !onDemand))) {
                break;
            }
            if (pkg.length() > 0) {
                pkg.append('.');
            }
            pkg.append(segments[i]);
        }
        return pkg.toString();
    }
}
