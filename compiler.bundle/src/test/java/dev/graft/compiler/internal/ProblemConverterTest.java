package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemConverterTest {

    @Test
    void packageOfASingleTypeImportStopsAtTheFirstUpperCaseSegment() {
        assertEquals("org.acme", ProblemConverter.packageOf("org.acme.Outer.Inner", false));
    }

    @Test
    void packageOfAnOnDemandImportIsTheWholeName() {
        assertEquals("org.acme", ProblemConverter.packageOf("org.acme", true));
    }
}
