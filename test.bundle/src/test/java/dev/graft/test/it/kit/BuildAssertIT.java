package dev.graft.test.it.kit;

import static dev.graft.test.GraftAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import dev.graft.compiler.Build;
import dev.graft.test.PluginKit;
import dev.graft.test.PluginSources;
import dev.graft.test.SourcePluginExtension;

/** The assertions on builds pass when they should, and fail with a message that shows the diagnostics. */
@ExtendWith(SourcePluginExtension.class)
class BuildAssertIT {

    static String failure(Executable assertion) {
        return assertThrows(AssertionError.class, assertion).getMessage();
    }

    @Test
    void hasErrorAtAPositionContainingATextMatchesByFileSuffix(PluginKit kit) {
        Build build = kit.compile(KitPlugins.broken("b.pass"));
        assertThat(build).hasError().at("Broken.java", 5, 9).containing("cannot be resolved");
        assertThat(build).hasError().at("src/k/b_pass/Broken.java", 5, 9).containing("Nope");
        assertThat(build).hasSingleError().at("b_pass/Broken.java", 5).withMessage("Nope cannot be resolved to a type")
            .withSourceLine("        Nope nope = null;");
    }

    @Test
    void hasNoErrorsFailsListingTheErrorsWithTheirSourceLines(PluginKit kit) {
        Build build = kit.compile(KitPlugins.broken("b.noerrors"));
        assertEquals("expected the build of plugin b.noerrors to have no errors, but it has 1:\n"
            + "  src/k/b_noerrors/Broken.java:5:9: error: Nope cannot be resolved to a type\n"
            + "      Nope nope = null;", failure(() -> assertThat(build).hasNoErrors()));
    }

    @Test
    void hasNoDiagnosticsFailsOnAWarning(PluginKit kit) {
        Build build = kit.compile(PluginSources.named("b.warning").file("src/k/w/W.java",
            "package k.w;\n\nimport java.util.List;\n\npublic class W {\n}\n"));
        assertThat(build).hasNoErrors();
        assertThat(build).hasWarning().at("W.java", 3, 8).containing("never used");
        assertEquals("expected the build of plugin b.warning to have no diagnostics, but it has 1:\n"
            + "  src/k/w/W.java:3:8: warning: The import java.util.List is never used\n"
            + "      import java.util.List;", failure(() -> assertThat(build).hasNoDiagnostics()));
    }

    @Test
    void hasErrorFailsOnACleanBuild(PluginKit kit) {
        Build build = kit.compile(KitPlugins.supplier("b.clean", "x"));
        assertEquals("expected the build of plugin b.clean to have an error, but it has no diagnostics",
            failure(() -> assertThat(build).hasError()));
    }

    @Test
    void hasWarningFailsShowingWhatThereIs(PluginKit kit) {
        Build build = kit.compile(KitPlugins.broken("b.nowarning"));
        assertEquals("expected the build of plugin b.nowarning to have a warning, but it has only:\n"
            + "  src/k/b_nowarning/Broken.java:5:9: error: Nope cannot be resolved to a type\n"
            + "      Nope nope = null;", failure(() -> assertThat(build).hasWarning()));
    }

    @Test
    void atFailsWhenNoErrorIsAtThatPosition(PluginKit kit) {
        Build build = kit.compile(KitPlugins.broken("b.at"));
        assertEquals("expected the build of plugin b.at to have an error at Broken.java:3:9, but its error is:\n"
            + "  src/k/b_at/Broken.java:5:9: error: Nope cannot be resolved to a type\n"
            + "      Nope nope = null;", failure(() -> assertThat(build).hasError().at("Broken.java", 3, 9)));
    }

    @Test
    void atMatchesWholePathSegmentsOnly(PluginKit kit) {
        Build build = kit.compile(KitPlugins.broken("b.segment"));
        assertEquals("expected the build of plugin b.segment to have an error at roken.java:5:9, but its error is:\n"
            + "  src/k/b_segment/Broken.java:5:9: error: Nope cannot be resolved to a type\n"
            + "      Nope nope = null;", failure(() -> assertThat(build).hasError().at("roken.java", 5, 9)));
    }

    @Test
    void containingFailsNamingEveryStepThatWasAsked(PluginKit kit) {
        Build build = kit.compile(KitPlugins.broken("b.containing"));
        assertEquals("expected the build of plugin b.containing to have an error at Broken.java:5:9 containing \"is not visible\", "
            + "but its error is:\n"
            + "  src/k/b_containing/Broken.java:5:9: error: Nope cannot be resolved to a type\n"
            + "      Nope nope = null;",
            failure(() -> assertThat(build).hasError().at("Broken.java", 5, 9).containing("is not visible")));
    }

    @Test
    void withMessageAndWithSourceLineAreExact(PluginKit kit) {
        Build build = kit.compile(KitPlugins.broken("b.exact"));
        assertEquals("expected the build of plugin b.exact to have an error with message \"Nope cannot be resolved\", but its error is:\n"
            + "  src/k/b_exact/Broken.java:5:9: error: Nope cannot be resolved to a type\n"
            + "      Nope nope = null;", failure(() -> assertThat(build).hasError().withMessage("Nope cannot be resolved")));
        assertEquals("expected the build of plugin b.exact to have an error on source line \"Nope nope = null;\", but its error is:\n"
            + "  src/k/b_exact/Broken.java:5:9: error: Nope cannot be resolved to a type\n"
            + "      Nope nope = null;", failure(() -> assertThat(build).hasError().withSourceLine("Nope nope = null;")));
    }

    @Test
    void hasSingleErrorFailsOnTwoErrors(PluginKit kit) {
        Build build = kit.compile(PluginSources.named("b.two").file("src/k/t/T.java",
            "package k.t;\n\npublic class T {\n    Nope a;\n    Nada b;\n}\n"));
        assertEquals("expected the build of plugin b.two to have exactly one error, but it has 2:\n"
            + "  src/k/t/T.java:4:5: error: Nope cannot be resolved to a type\n"
            + "      Nope a;\n"
            + "  src/k/t/T.java:5:5: error: Nada cannot be resolved to a type\n"
            + "      Nada b;", failure(() -> assertThat(build).hasSingleError()));
    }

    @Test
    void checkResultsHaveTheSameAssertions(PluginKit kit) {
        assertThat(kit.check(KitPlugins.supplier("b.check", "x"))).hasNoErrors();
        assertEquals("expected the check of plugin b.checkbroken to have no errors, but it has 1:\n"
            + "  src/k/b_checkbroken/Broken.java:5:9: error: Nope cannot be resolved to a type\n"
            + "      Nope nope = null;", failure(() -> assertThat(kit.check(KitPlugins.broken("b.checkbroken"))).hasNoErrors()));
    }
}
