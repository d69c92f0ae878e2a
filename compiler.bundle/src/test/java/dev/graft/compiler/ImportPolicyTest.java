package dev.graft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImportPolicyTest {

    @ParameterizedTest
    @CsvSource({
        "sun.misc,                           deny sun.*",
        "jdk.internal.misc,                  deny jdk.internal.*",
        "dev.graft.compiler.internal,        deny dev.graft.*.internal",
        "dev.graft.host.internal.cli,        deny dev.graft.*.internal.*",
        "org.apache.felix.framework.util,    deny org.apache.felix.framework.*",
        "org.apache.felix.scr.impl.manager,  deny org.apache.felix.*.impl.*",
        "org.eclipse.jdt.internal.compiler,  deny org.eclipse.jdt.internal.*",
        "aQute.bnd.osgi,                     deny aQute.bnd.osgi.*",
        "aQute.lib.io,                       deny aQute.lib.*" })
    void defaultsDenyTheInternalsOfTheHost(String pkg, String rule) {
        assertEquals(Optional.of(rule), ImportPolicy.defaults().denies(pkg));
    }

    @Test
    void defaultsAllowPublicApis() {
        assertEquals(Optional.empty(), ImportPolicy.defaults().denies("org.osgi.framework"));
        assertEquals(Optional.empty(), ImportPolicy.defaults().denies("dev.graft.compiler"));
        assertEquals(Optional.empty(), ImportPolicy.defaults().denies("sunny.day"));
    }

    @Test
    void siteRulesComeBeforeTheDefaults() {
        ImportPolicy p = ImportPolicy.parse("# ours\ndeny com.acme.*\nallow aQute.bnd.osgi\n", "site.policy");
        assertEquals(Optional.of("deny com.acme.*"), p.denies("com.acme"));
        assertEquals(Optional.of("deny com.acme.*"), p.denies("com.acme.secret"));
        assertEquals(Optional.empty(), p.denies("com.acmeother"));
        assertEquals(Optional.empty(), p.denies("aQute.bnd.osgi"));
        assertEquals(Optional.of("deny sun.*"), p.denies("sun.misc"));
    }

    @Test
    void combinedPoliciesDenyWhatEitherDenies() {
        ImportPolicy host = ImportPolicy.parse("deny com.acme.*\nallow org.example.open", "host.policy");
        ImportPolicy site = ImportPolicy.parse("allow com.acme.api\ndeny org.example.*", "import-policy.txt");
        ImportPolicy both = host.and(site);
        assertEquals(Optional.of("deny com.acme.*"), both.denies("com.acme.api"));
        assertEquals(Optional.of("deny org.example.*"), both.denies("org.example.open"));
        assertEquals(Optional.empty(), both.denies("org.other"));
        assertEquals(Optional.of("deny org.example.*"), both.deniesSomeStartingWith("org.example."));
        assertEquals(false, both.digest().equals(host.digest()));
        assertEquals(host, host.and(ImportPolicy.defaults()));
    }

    @Test
    void lineThatIsNotARuleIsNamedWithFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ImportPolicy.parse("deny com.acme\nforbid com.x\n", "site.policy"));
        assertEquals("site.policy:2: not a rule: 'forbid com.x' (a rule is 'deny PATTERN' or 'allow PATTERN', for example"
            + " 'deny com.acme.internal.*')", e.getMessage());
    }

    @Test
    void wildcardThatCanReachADeniedPackageIsFound() {
        assertEquals(Optional.of("deny dev.graft.*.internal"), ImportPolicy.defaults().deniesSomeStartingWith(""));
        assertEquals(Optional.of("deny sun.*"), ImportPolicy.defaults().deniesSomeStartingWith("sun."));
        assertEquals(Optional.empty(), ImportPolicy.defaults().deniesSomeStartingWith("com.acme."));
    }

    @Test
    void policyIsPartOfTheCanonicalOptionsOnlyWhenItHasRulesOfItsOwn() {
        CompileOptions plain = CompileOptions.defaults(17);
        assertEquals("release=17;warningsAsErrors=false;debugInfo=true;encoding=UTF-8", plain.canonical());
        String withRules = plain.withImportPolicy(ImportPolicy.parse("deny com.acme.*", "p")).canonical();
        assertEquals(true, withRules.startsWith("release=17;warningsAsErrors=false;debugInfo=true;encoding=UTF-8;importPolicy="), withRules);
    }
}
