package dev.graft.compiler.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Typed configuration of the plugin compiler (PID {@code dev.graft.compiler}); every value has a default. */
@ObjectClassDefinition(id = CompilerConfiguration.PID, name = "Graft plugin compiler",
    description = "Compiles source plugins with ECJ against the running framework and packages them with bndlib.")
public @interface CompilerConfiguration {

    /** The configuration PID. */
    String PID = "dev.graft.compiler";

    @AttributeDefinition(name = "Java release",
        description = "Java feature release to compile for; 0 means the running Java's, capped at what ECJ supports.")
    int release() default 0;

    @AttributeDefinition(name = "Warnings as errors", description = "A warning fails the build.")
    boolean warningsAsErrors() default false;

    @AttributeDefinition(name = "Debug info", description = "Generate line numbers, source file names and local variable names.")
    boolean debugInfo() default true;

    @AttributeDefinition(name = "Encoding", description = "Character set of the source files; a BOM is accepted.")
    String encoding() default "UTF-8";

    @AttributeDefinition(name = "Maximum files", description = "Most files a source plugin may have.")
    int maxFiles() default 10_000;

    @AttributeDefinition(name = "Maximum total bytes", description = "Largest total size of a source plugin's files.")
    long maxTotalBytes() default 64L * 1024 * 1024;

    @AttributeDefinition(name = "Maximum file bytes", description = "Largest size of one file of a source plugin.")
    long maxFileBytes() default 4L * 1024 * 1024;

    @AttributeDefinition(name = "Maximum nesting",
        description = "Deepest nesting of brackets ( [ { in a source; a deeper source is refused before it is compiled.")
    int maxNesting() default 1000;

    @AttributeDefinition(name = "Compile deadline (ms)", description = "A compile and package that takes longer fails.")
    long compileDeadlineMillis() default 120_000;

    @AttributeDefinition(name = "Import policy",
        description = "Packages plugins may not import, one rule a line: 'deny PATTERN' or 'allow PATTERN' (see ImportPolicy); "
            + "the default rules (Graft's, Felix's, ECJ's and bndlib's internals, sun.*, jdk.internal.*) follow them.")
    String importPolicy() default "";

    @AttributeDefinition(name = "Compiler thread stack (MiB)", description = "Stack size of the thread ECJ and bnd run on.")
    int stackMiB() default 64;
}
