package dev.jrun.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CgroupPathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/default/abc | /default/abc",
        "/a/../../b   | /b",
        "//a//b/      | /a/b",
        "/            | /",
        "foo/bar      | foo/bar",
        "../../foo    | foo",
        "./a/./b      | a/b",
    })
    void cgroupfsPathsAreCleaned(String given, String expected) {
        assertEquals(expected, CgroupPath.resolve(given, "abc", false).value());
    }

    @Test
    void withoutAPathTheIdIsRelativeLikeRunc() {
        CgroupPath p = CgroupPath.resolve("", "abc", false);
        assertEquals("abc", p.value());
        assertFalse(p.absolute());
        assertEquals(p, CgroupPath.resolve(null, "abc", false));
        assertTrue(CgroupPath.resolve("/x", "abc", false).absolute());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "system.slice:docker:abc       | /system.slice/docker-abc.scope",
        "a-b.slice:crio:xyz            | /a.slice/a-b.slice/crio-xyz.scope",
        "kubepods-besteffort-pod1.slice:cri-o:c1 | /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1.slice/cri-o-c1.scope",
        "-.slice:p:n                   | /p-n.scope",
        ":docker:abc                   | /system.slice/docker-abc.scope",
        "system.slice::abc             | /system.slice/abc.scope",
        "machine.slice:x:my.slice      | /machine.slice/my.slice",
    })
    void systemdPathsAreWhatSystemdWouldCreate(String given, String expected) {
        CgroupPath p = CgroupPath.resolve(given, "id", true);
        assertEquals(expected, p.value());
        assertTrue(p.absolute());
    }

    @Test
    void systemdDefaultsToARuncScopeInSystemSlice() {
        assertEquals("/system.slice/runc-abc.scope", CgroupPath.resolve("", "abc", true).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a:b", "a:b:c:d", "/x/y"})
    void systemdNeedsThreeParts(String given) {
        CgroupException e = assertThrows(CgroupException.class, () -> CgroupPath.resolve(given, "id", true));
        assertEquals("expected cgroupsPath to be of format \"slice:prefix:name\" for systemd cgroups, got \""
                + given + "\" instead", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"system:p:n", ".slice:p:n", "a--b.slice:p:n", "-a.slice:p:n", "a-.slice:p:n", "a/b.slice:p:n"})
    void rejectsBadSlices(String given) {
        CgroupException e = assertThrows(CgroupException.class, () -> CgroupPath.resolve(given, "id", true));
        assertTrue(e.getMessage().startsWith("invalid slice name \""), e.getMessage());
    }

    @Test
    void rejectsBadUnitNames() {
        assertThrows(CgroupException.class, () -> CgroupPath.resolve("system.slice:p:", "id", true));
        assertThrows(CgroupException.class, () -> CgroupPath.resolve("system.slice:p:a/b", "id", true));
    }

    @Test
    void expandsSlices() {
        assertEquals("/", CgroupPath.expandSlice("-.slice"));
        assertEquals("/a.slice", CgroupPath.expandSlice("a.slice"));
        assertEquals("/a.slice/a-b.slice/a-b-c.slice", CgroupPath.expandSlice("a-b-c.slice"));
    }
}
