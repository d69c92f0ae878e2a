package dev.graft.test.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Requirement;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.graft.host.GraftMain;

/** The Graft runtime of cnf/runtime.bndrun comes up with every Graft bundle and component active. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class GraftRuntimeIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ServiceComponentRuntime scr;

    @SuppressWarnings("rawtypes")
    @InjectService(filter = "(" + GraftMain.PROPERTY + "=true)")
    ToIntFunction commandLine;

    @Test
    void everyGraftBundleIsActive() {
        Map<String, Bundle> bySymbolicName = Arrays.stream(context.getBundles())
            .collect(Collectors.toMap(Bundle::getSymbolicName, Function.identity(), (a, b) -> a));
        for (String name : List.of("dev.graft.host", "dev.graft.compiler", "dev.graft.cache", "dev.graft.test")) {
            Bundle bundle = bySymbolicName.get(name);
            assertNotNull(bundle, name + " is not installed");
            assertEquals(Bundle.ACTIVE, bundle.getState(), name + " is not active");
        }
    }

    @Test
    void everyGraftComponentIsActive() {
        // a component that requires a configuration (one site per dev.graft.site configuration) has none here
        List<ComponentDescriptionDTO> graftComponents = scr.getComponentDescriptionDTOs().stream()
            .filter(d -> d.bundle.symbolicName.startsWith("dev.graft.") && !"require".equals(d.configurationPolicy))
            .collect(Collectors.toList());
        assertTrue(graftComponents.stream().anyMatch(d -> d.name.endsWith(".CommandLine")),
            "the command line component is declared: " + graftComponents);
        for (ComponentDescriptionDTO d : graftComponents) {
            List<ComponentConfigurationDTO> configurations = List.copyOf(scr.getComponentConfigurationDTOs(d));
            // a delayed component is SATISFIED, with its service registered, until first used
            assertTrue(!configurations.isEmpty() && configurations.stream()
                .allMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED),
                () -> d.name + " is not active: " + describe(configurations));
        }
    }

    @Test
    void commandLineIsRegisteredForTheLauncher() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(ToIntFunction.class.getName(), "(" + GraftMain.PROPERTY + "=true)");
        assertNotNull(refs, "no service matches " + GraftMain.FILTER);
        assertEquals(1, refs.length);
        assertEquals(1, context.getServiceReferences((String) null, GraftMain.FILTER).length, "the launcher's filter finds it");
    }

    @Test
    @SuppressWarnings("unchecked")
    void versionExitsZeroAndUnknownCommandExitsTwo() {
        assertEquals(GraftMain.EXIT_OK, commandLine.applyAsInt(new String[] { "--version" }));
        assertEquals(GraftMain.EXIT_USAGE, commandLine.applyAsInt(new String[] { "no-such-command" }));
    }

    @Test
    void hostImportsOnlySpecificationPackagesAndGogoLogAndServletsOptionally() {
        Bundle host = Arrays.stream(context.getBundles()).filter(b -> "dev.graft.host".equals(b.getSymbolicName())).findFirst().orElseThrow();
        for (Requirement r : host.adapt(BundleRevision.class).getRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            String filter = r.getDirectives().get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE);
            boolean optional = PackageNamespace.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (filter.contains("org.apache.felix.service.command")) {
                assertTrue(optional, "the Gogo package is an optional import: " + filter);
            } else if (filter.matches(".*osgi\\.wiring\\.package=(jakarta\\.servlet|org\\.osgi\\.service\\.(log|servlet)[.a-z]*)\\).*")) {
                assertTrue(optional, "the Log Service's and the Servlet Whiteboard's packages are optional imports: " + filter);
            } else {
                assertTrue(filter.matches(".*osgi\\.wiring\\.package=(java|org\\.osgi|dev\\.graft)\\..*"), "a specification or Graft package: " + filter);
            }
        }
    }

    private static String describe(List<ComponentConfigurationDTO> configurations) {
        return configurations.stream()
            .map(c -> "state " + c.state + (c.failure == null ? "" : " failure " + c.failure))
            .collect(Collectors.joining(", ", "[", "]"));
    }
}
