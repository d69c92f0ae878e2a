package dev.graft.host.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class BundleJarTest {

    @Test
    void packagesOfAHeaderWithGroupsQuotesAndOptionalOnes() {
        String header = "a.one;a.two;version=\"[1,2)\", b;resolution:=optional, c;version=\"1.0\";uses:=\"a.one,b\", d";
        assertEquals(Set.of("a.one", "a.two", "c", "d"), BundleJar.packages(header, true));
        assertEquals(Set.of("a.one", "a.two", "b", "c", "d"), BundleJar.packages(header, false));
        assertEquals(Set.of(), BundleJar.packages("", true));
    }
}
