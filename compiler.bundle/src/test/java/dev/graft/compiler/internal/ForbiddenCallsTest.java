package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ForbiddenCallsTest {

    @Test
    void columnPrefersTheCallOverAVariableOfTheSameName() {
        assertEquals(36, ForbiddenCalls.column("        IntConsumer exit = System::exit;", "exit"));
    }

    @Test
    void columnFindsAnUnqualifiedCall() {
        assertEquals(26, ForbiddenCalls.column("    void end() { halt(); stop(); }", "stop"));
    }

    @Test
    void columnIsZeroWhenTheNameIsNotOnTheLine() {
        assertEquals(0, ForbiddenCalls.column("        exiting();", "exit"));
    }

    @Test
    void messageMovesTheReasonOutOfItsBrackets() {
        assertEquals("forbidden method invocation java.lang.System#exit(int): it would end the host",
            ForbiddenCalls.message("Forbidden method invocation: java.lang.System#exit(int) [it would end the host]"));
    }

    @Test
    void calledNameIsTheMemberOfTheSignature() {
        assertEquals("addShutdownHook", ForbiddenCalls.calledName("Forbidden method invocation: java.lang.Runtime#addShutdownHook(java.lang.Thread) [x]"));
    }
}
