package dev.jrun.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrun.spec.SpecTemplate.Caller;
import dev.jrun.spec.SpecTemplate.Options;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SpecTemplateTest {

    private static final Caller NOBODY = new Caller(65534, 65534);

    private static Options options(boolean rootless, boolean noNewPrivileges, Optional<IdRange> userns,
                                   ProcMount procMount, OptionalInt uid, OptionalInt gid, List<String> capAdd,
                                   List<String> capDrop, boolean readOnly) {
        return new Options(rootless, noNewPrivileges, userns, procMount, uid, gid, capAdd, capDrop, readOnly);
    }

    private static Options rootless() {
        return options(true, true, Optional.empty(), ProcMount.DEFAULT, OptionalInt.empty(), OptionalInt.empty(),
                List.of(), List.of(), true);
    }

    private static Options userns(IdRange range) {
        return options(false, true, Optional.of(range), ProcMount.DEFAULT, OptionalInt.empty(), OptionalInt.empty(),
                List.of(), List.of(), true);
    }

    private static Options caps(List<String> add, List<String> drop) {
        return options(false, true, Optional.empty(), ProcMount.DEFAULT, OptionalInt.empty(), OptionalInt.empty(),
                add, drop, true);
    }

    private static Spec spec(Options options) {
        return SpecTemplate.spec(options, Caller.ROOT);
    }

    /** Compares two configs field by field, two levels deep, so that a difference names its field. */
    private static void assertSameFields(JsonNode expected, JsonNode actual) {
        assertEquals(names(expected), names(actual));
        for (String field : names(expected)) {
            JsonNode e = expected.get(field);
            if (e.isObject()) {
                assertEquals(names(e), names(actual.get(field)), field);
                for (String inner : names(e)) {
                    assertEquals(e.get(inner), actual.get(field).get(inner), field + "." + inner);
                }
            }
            assertEquals(e, actual.get(field), field);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void defaultsAreRuncsTemplateFieldByField() {
        assertSameFields(Configs.tree(Configs.resource("runc-spec.json")),
                Configs.tree(SpecTemplate.render(Options.defaults())));
    }

    @Test
    void defaultsAreRuncsTemplateByteForByte() {
        assertEquals(Configs.resource("runc-spec.json"), SpecTemplate.render(Options.defaults()));
    }

    @Test
    void rootlessIsRuncsRootlessTemplateForTheCaller() {
        assertSameFields(Configs.tree(Configs.resource("runc-spec-rootless-nobody.json")),
                Configs.tree(SpecTemplate.render(rootless(), NOBODY)));
        assertEquals(Configs.resource("runc-spec-rootless-nobody.json"), SpecTemplate.render(rootless(), NOBODY));
    }

    @Test
    void renderWithoutACallerIsForRoot() {
        assertEquals(Configs.resource("runc-spec-rootless-root.json"), SpecTemplate.render(rootless()));
    }

    @Test
    void defaultsOptions() {
        Options d = Options.defaults();
        assertFalse(d.rootless());
        assertTrue(d.noNewPrivileges());
        assertTrue(d.readOnly());
        assertEquals(ProcMount.DEFAULT, d.procMount());
        assertEquals(Optional.empty(), d.userns());
        assertEquals(List.of(), d.capAdd());
    }

    @Test
    void noNewPrivilegesFalseLeavesTheFieldOut() {
        Options off = options(false, false, Optional.empty(), ProcMount.DEFAULT, OptionalInt.empty(),
                OptionalInt.empty(), List.of(), List.of(), true);
        assertFalse(spec(off).process().noNewPrivileges());
        assertFalse(SpecTemplate.render(off).contains("noNewPrivileges"));
        assertTrue(spec(Options.defaults()).process().noNewPrivileges());
    }

    @Test
    void usernsMapsRootToTheHostRange() {
        Spec spec = spec(userns(new IdRange(100000, 65536)));
        Linux linux = spec.linux();
        assertEquals(List.of(new IdMapping(0, 100000, 65536)), linux.uidMappings());
        assertEquals(List.of(new IdMapping(0, 100000, 65536)), linux.gidMappings());
        assertEquals(List.of("pid", "network", "ipc", "uts", "mount", "user"),
                linux.namespaces().stream().map(Namespace::type).toList());
        assertEquals(new Mount("/sys", "none", "/sys", List.of("rbind", "nosuid", "noexec", "nodev", "ro")),
                spec.mounts().get(5));
        assertTrue(spec.mounts().get(2).options().contains("gid=5"), "gid 5 is mapped");
        assertEquals("rwm", linux.resources().devices().get(0).access());
        assertEquals(new Validation(List.of(), List.of()), SpecValidator.check(spec, HostFacts.of(true)));
    }

    @Test
    void usernsTooSmallForTtyGroupDropsGid5() {
        Spec spec = spec(userns(new IdRange(100000, 5)));
        assertEquals(List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"),
                spec.mounts().get(2).options());
    }

    @Test
    void usernsReplacesTheCallersIdsInARootlessTemplate() {
        Options o = options(true, true, Optional.of(new IdRange(100000, 65536)), ProcMount.DEFAULT,
                OptionalInt.empty(), OptionalInt.empty(), List.of(), List.of(), true);
        Spec spec = SpecTemplate.spec(o, NOBODY);
        assertEquals(List.of(new IdMapping(0, 100000, 65536)), spec.linux().uidMappings());
        assertFalse(spec.linux().hasNamespace(Namespace.NETWORK));
        assertNull(spec.linux().resources());
    }

    @Test
    void unmaskedEmptiesMaskedAndReadonlyPaths() {
        Options o = options(false, true, Optional.empty(), ProcMount.UNMASKED, OptionalInt.empty(),
                OptionalInt.empty(), List.of(), List.of(), true);
        Spec spec = spec(o);
        assertEquals(List.of(), spec.linux().maskedPaths());
        assertEquals(List.of(), spec.linux().readonlyPaths());
        assertFalse(SpecTemplate.render(o).contains("maskedPaths"));
        assertEquals(List.of(MountChecks.UNMASKED_PROC_WARNING),
                SpecValidator.validate(spec, HostFacts.of(true)).stream().map(Finding::message).toList());
    }

    @Test
    void unmaskedWithAUserNamespaceHasNoWarning() {
        Options o = options(false, true, Optional.of(new IdRange(100000, 65536)), ProcMount.UNMASKED,
                OptionalInt.empty(), OptionalInt.empty(), List.of(), List.of(), true);
        assertEquals(List.of(), SpecValidator.validate(spec(o), HostFacts.of(true)));
    }

    @Test
    void uidAndGidSetTheProcessUser() {
        Options o = options(false, true, Optional.empty(), ProcMount.DEFAULT, OptionalInt.of(1000),
                OptionalInt.of(100), List.of(), List.of(), true);
        assertEquals(new User(1000, 100), spec(o).process().user());
    }

    @Test
    void readOnlyFalseLeavesRootWritable() {
        Options o = options(false, true, Optional.empty(), ProcMount.DEFAULT, OptionalInt.empty(),
                OptionalInt.empty(), List.of(), List.of(), false);
        assertEquals(new Root("rootfs", false), spec(o).root());
        assertTrue(SpecTemplate.render(o).contains("\"root\": {\n\t\t\"path\": \"rootfs\"\n\t}"));
    }

    @Test
    void capAddGoesToBoundingEffectiveAndPermitted() {
        CapabilitySets caps = spec(caps(List.of("net_admin", "CAP_SYS_PTRACE", "Cap_Kill"), List.of()))
                .process().capabilities();
        List<String> expected = List.of("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_NET_ADMIN",
                "CAP_SYS_PTRACE");
        assertEquals(expected, caps.bounding());
        assertEquals(expected, caps.effective());
        assertEquals(expected, caps.permitted());
        assertEquals(SpecTemplate.DEFAULT_CAPS, caps.ambient());
        assertEquals(List.of(), caps.inheritable());
    }

    @Test
    void capDropRemovesFromEverySet() {
        CapabilitySets caps = spec(caps(List.of(), List.of("kill"))).process().capabilities();
        List<String> expected = List.of("CAP_AUDIT_WRITE", "CAP_NET_BIND_SERVICE");
        assertEquals(List.of(expected, expected, expected, expected),
                List.of(caps.bounding(), caps.effective(), caps.permitted(), caps.ambient()));
    }

    @Test
    void capAll() {
        CapabilitySets onlyChown = spec(caps(List.of("chown"), List.of("ALL"))).process().capabilities();
        assertEquals(List.of("CAP_CHOWN"), onlyChown.bounding());
        assertEquals(List.of(), onlyChown.ambient());
        CapabilitySets allButAdmin = spec(caps(List.of("all"), List.of("SYS_ADMIN"))).process().capabilities();
        assertEquals(Capabilities.NAMES.size() - 1, allButAdmin.bounding().size());
        assertFalse(allButAdmin.bounding().contains("CAP_SYS_ADMIN"));
    }

    @Test
    void unknownCapabilityNamesTheName() {
        assertEquals("unknown capability \"foo\"", assertThrows(ConfigException.class,
                () -> SpecTemplate.render(caps(List.of("foo"), List.of()))).getMessage());
        assertEquals("unknown capability \"CAP_BAR\"", assertThrows(ConfigException.class,
                () -> SpecTemplate.render(caps(List.of(), List.of("CAP_BAR")))).getMessage());
    }

    @Test
    void optionsAreImmutable() {
        List<String> add = new ArrayList<>(List.of("kill"));
        Options o = caps(add, List.of());
        add.add("chown");
        assertEquals(List.of("kill"), o.capAdd());
        assertThrows(UnsupportedOperationException.class, () -> o.capAdd().add("x"));
    }

    @Test
    void renderIsPure() {
        assertEquals(SpecTemplate.render(rootless(), NOBODY), SpecTemplate.render(rootless(), NOBODY));
        assertEquals(SpecTemplate.spec(Options.defaults(), Caller.ROOT), SpecTemplate.spec(Options.defaults(), NOBODY));
    }
}
