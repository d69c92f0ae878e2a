package dev.graft.host.internal.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import dev.graft.host.ComponentState;

class ComponentStatesTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aReadThatScrFailsMidChangeIsTriedAgain() {
        List<ComponentState> states = ComponentStates.of(scr(2), bundle());
        assertEquals(List.of(new ComponentState("c", "active", "")), states);
        assertEquals(3, reads.get());
    }

    @Test
    void aReadThatKeepsFailingFails() {
        assertThrows(NullPointerException.class, () -> ComponentStates.of(scr(Integer.MAX_VALUE), bundle()));
        assertEquals(ComponentStates.READS, reads.get());
    }

    /** An SCR with one active component whose configuration reads fail the given number of times first. */
    private ServiceComponentRuntime scr(int failures) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = "c";
        ComponentConfigurationDTO active = new ComponentConfigurationDTO();
        active.state = ComponentConfigurationDTO.ACTIVE;
        return (ServiceComponentRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ServiceComponentRuntime.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getComponentDescriptionDTOs" -> List.of(description);
                case "isComponentEnabled" -> true;
                case "getComponentConfigurationDTOs" -> {
                    if (reads.incrementAndGet() <= failures) {
                        throw new NullPointerException("a configuration's properties, disposed meanwhile");
                    }
                    yield List.of(active);
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private static Bundle bundle() {
        return (Bundle) Proxy.newProxyInstance(ComponentStatesTest.class.getClassLoader(), new Class<?>[] { Bundle.class },
            (proxy, method, args) -> switch (method.getName()) {
                case "getState" -> Bundle.ACTIVE;
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }
}
