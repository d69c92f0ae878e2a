package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Macro;
import aQute.bnd.osgi.Processor;
import dev.graft.compiler.Diagnostic;

/**
 * Every macro of bnd's table (the public {@code _name(String[])} methods bnd dispatches a macro to,
 * on the macro processor and on the processors a bundle is built with) is either on the allow-list
 * or refused with a positioned error. A macro a later bnd adds is refused until someone allows it.
 */
class BndMacroTableTest {

    static SortedSet<String> table() {
        SortedSet<String> names = new TreeSet<>();
        for (Class<?> c : new Class<?>[] {Macro.class, Processor.class, Analyzer.class, Builder.class}) {
            for (Method m : c.getMethods()) {
                if (m.getName().startsWith("_") && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String[].class
                    && Modifier.isPublic(m.getModifiers())) {
                    names.add(m.getName().substring(1));
                }
            }
        }
        return names;
    }

    static Stream<String> macros() {
        return table().stream();
    }

    @ParameterizedTest
    @MethodSource("macros")
    void eachMacroOfBndsTableIsAllowedOrRefusedWhereItIsUsed(String name) throws Exception {
        BndEvaluation.Result r = BndEvaluationTest.evaluate("Bundle-Version: 1.0.0\nX-Use: ${" + name + ";a;b}\n");
        String refusal = "bnd.bnd:2:10: error: macro ${" + name + "} is not allowed in a source plugin";
        boolean refused = r.errors().stream().map(Diagnostic::toString).anyMatch(d -> d.startsWith(refusal));
        if (BndAllowList.MACROS.contains(name)) {
            assertFalse(refused, BndEvaluationTest.errors(r));
        } else {
            assertTrue(refused, name + " is not refused: " + BndEvaluationTest.errors(r));
            assertEquals("", r.bnd().properties().getProperty("X-Use"), "a refused macro gives nothing");
        }
    }

    @ParameterizedTest
    @MethodSource("allowed")
    void eachAllowedMacroIsInBndsTable(String name) {
        assertTrue(table().contains(name), name);
    }

    static Stream<String> allowed() {
        return BndAllowList.MACROS.stream().sorted();
    }
}
