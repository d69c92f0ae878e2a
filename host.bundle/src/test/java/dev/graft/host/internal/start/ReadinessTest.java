package dev.graft.host.internal.start;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.graft.host.ComponentState;
import dev.graft.host.internal.start.ComponentStates.Reading;
import dev.graft.host.internal.start.ComponentStates.Wanted;
import dev.graft.host.internal.start.Readiness.Verdict;

class ReadinessTest {

    private static final Wanted GREETER = new Wanted("com.example.Greeter", null);
    private static final Predicate<Wanted> NOTHING_PROVIDED = w -> false;
    private static final Predicate<Wanted> GREETER_PROVIDED = GREETER::equals;

    private static Reading reading(String state, Wanted... missing) {
        return new Reading(new ComponentState("c", state, ""), List.of(missing));
    }

    @Test
    void aComponentWaitingForItsConfigurationIsSettledAtOnce() {
        assertEquals(Verdict.WAITING, Readiness.of(reading("unsatisfied configuration"), NOTHING_PROVIDED, true));
    }

    @Test
    void aReferenceNobodyProvidesIsSettledOnceNoWaveIsLeft() {
        assertEquals(Verdict.WAITING, Readiness.of(reading("unsatisfied reference", GREETER), NOTHING_PROVIDED, false));
        assertEquals(Verdict.DEFERRED, Readiness.of(reading("unsatisfied reference", GREETER), NOTHING_PROVIDED, true));
    }

    @Test
    void aReferenceToAServiceThatIsComingIsWaitedFor() {
        assertEquals(Verdict.PENDING, Readiness.of(reading("unsatisfied reference", GREETER), GREETER_PROVIDED, false));
    }

    @Test
    void oneReferenceThatCannotComeSettlesTheComponent() {
        Wanted other = new Wanted("com.example.Other", "(x=y)");
        assertEquals(Verdict.WAITING, Readiness.of(reading("unsatisfied reference", GREETER, other), GREETER_PROVIDED, false));
    }

    @Test
    void aPluginIsAsSettledAsItsLeastSettledComponent() {
        assertEquals(Verdict.FAILED, Readiness.ofPlugin(List.of(Verdict.PENDING, Verdict.FAILED), 2));
        assertEquals(Verdict.PENDING, Readiness.ofPlugin(List.of(Verdict.WAITING, Verdict.PENDING), 2));
        assertEquals(Verdict.PENDING, Readiness.ofPlugin(List.of(Verdict.READY), 2), "SCR has not read every description yet");
        assertEquals(Verdict.DEFERRED, Readiness.ofPlugin(List.of(Verdict.WAITING, Verdict.DEFERRED), 2));
        assertEquals(Verdict.WAITING, Readiness.ofPlugin(List.of(Verdict.READY, Verdict.WAITING), 2));
        assertEquals(Verdict.READY, Readiness.ofPlugin(List.of(Verdict.READY, Verdict.READY), 2));
    }
}
