package dev.graft.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KeptClassesTest {

    private final AtomicInteger reads = new AtomicInteger();

    private byte[] source(String path) {
        reads.incrementAndGet();
        return path.startsWith("missing") ? null : new byte[100];
    }

    @Test
    void aClassAndAMissingClassAreEachReadOnce() {
        KeptClasses kept = new KeptClasses(new KeptClasses.Budget(1 << 20));
        byte[] first = kept.read("a/A.class", this::source);
        assertSame(first, kept.read("a/A.class", this::source));
        assertNull(kept.read("missing/M.class", this::source));
        assertNull(kept.read("missing/M.class", this::source));
        assertEquals(2, reads.get());
    }

    @Test
    void sourcesSharingABudgetKeepNoMoreThanItTogether() {
        KeptClasses.Budget budget = new KeptClasses.Budget(300);
        KeptClasses one = new KeptClasses(budget);
        KeptClasses two = new KeptClasses(budget);
        one.read("a/A.class", this::source);
        two.read("a/A.class", this::source);
        assertEquals(one.keptBytes(), budget.used());
        assertEquals(0, two.keptBytes(), "the budget is spent");
        two.read("a/A.class", this::source);
        assertEquals(3, reads.get(), "what is not kept is read again");
    }

    @Test
    void releasingGivesTheBytesBackAndKeepsNothingMore() {
        KeptClasses.Budget budget = new KeptClasses.Budget(1 << 20);
        KeptClasses kept = new KeptClasses(budget);
        kept.read("a/A.class", this::source);
        kept.release();
        assertEquals(0, budget.used());
        kept.read("a/A.class", this::source);
        kept.read("a/A.class", this::source);
        assertEquals(3, reads.get());
        assertEquals(0, budget.used());
    }
}
