package dev.graft.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 2.6 MB source of one 650,000-deep expression is refused at once, and its line is not echoed whole. */
class DeepSourceIT {

    @TempDir
    Path tmp;

    @Test
    void aDeepExpressionIsRefusedAndItsHugeLineIsPrintedCutAroundTheColumn() throws Exception {
        Path file = tmp.resolve("site/deep/src/d/Deep.java");
        Files.createDirectories(file.getParent());
        int depth = 650_000;
        Files.writeString(file, "package d;\n\npublic class Deep {\n    int x = " + "1+(".repeat(depth) + "1" + ")".repeat(depth) + ";\n}\n");
        String dir = file.getParent().getParent().getParent().toString();

        GraftProcess.Result r = GraftProcess.run(tmp, "check", dir);

        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(dir + "/src/d/Deep.java:4:3012: error: brackets nest more than 1000 deep here (maxNesting): a source this "
            + "deep would hold the compiler for minutes; split the expression or the data into smaller parts",
            "..." + "1+(".repeat(54).substring(0, 160) + "...",
            " ".repeat(83) + "^"), lines);
    }
}
