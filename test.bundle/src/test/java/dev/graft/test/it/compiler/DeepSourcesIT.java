package dev.graft.test.it.compiler;

import static dev.graft.test.it.compiler.Plugins.describe;
import static dev.graft.test.it.compiler.Plugins.onlyError;
import static dev.graft.test.it.compiler.Plugins.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.compiler.Build;
import dev.graft.compiler.Diagnostic;
import dev.graft.compiler.PluginCompiler;

/** Sources shaped to hold the compiler for minutes are refused before it starts; real nesting compiles. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class DeepSourcesIT {

    /** The default of the compiler's maxNesting. */
    private static final int MAX_NESTING = 1000;

    @InjectService
    PluginCompiler compiler;

    /** {@code 1+(1+(...1...))} nested {@code depth} deep, in a field initialiser on line 4. */
    private static String nested(int depth) {
        return "package com.acme;\n\npublic class Deep {\n    int x = " + "1+(".repeat(depth) + "1" + ")".repeat(depth) + ";\n}\n";
    }

    @Test
    void anExpressionNestedSixHundredThousandDeepIsRefusedAtTheFirstBracketPastTheLimit() {
        Build build = compiler.compile(plugin("deep", "src/com/acme/Deep.java", nested(650_000)));
        Diagnostic error = onlyError(build);
        // the class body's brace is the first level, so the expression's bracket number MAX_NESTING is one too many
        assertEquals("src/com/acme/Deep.java:4:" + (12 + 3 * MAX_NESTING) + ": error: brackets nest more than 1000 deep here "
            + "(maxNesting): a source this deep would hold the compiler for minutes; split the expression or the data into smaller parts",
            error.toString());
    }

    @Test
    void anExpressionNestedAsDeepAsTheLimitCompiles() {
        Build build = compiler.compile(plugin("deep.enough", "src/com/acme/Deep.java", nested(MAX_NESTING - 1)));
        assertTrue(build.succeeded(), describe(build.diagnostics()));
    }
}
