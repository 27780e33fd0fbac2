package dev.jrun.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerPathTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "/, /",
        "/proc, /proc",
        "/proc/, /proc",
        "//proc///sys, /proc/sys",
        "/./proc/./sys/., /proc/sys",
        "/a/b/../c, /a/c",
        "/a/b/../../c, /c",
        "/.., /",
        "/../../etc/shadow, /etc/shadow",
        "/a/../../../b, /b",
        "/proc/self/../1, /proc/1",
        "/..., /...",
        "/a/..b, /a/..b",
    })
    void normalisesLexicallyWithoutClimbingAboveTheRoot(String given, String normalised) {
        assertEquals(normalised, ContainerPath.of(given).value());
        assertEquals(normalised, ContainerPath.of(given).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "proc", "./proc", "../etc", "proc/../.."})
    void rejectsARelativePath(String relative) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerPath.of(relative));
        assertEquals("not an absolute path: " + relative, e.getMessage());
    }

    @Test
    void equalPathsAfterNormalisationAreEqual() {
        assertEquals(ContainerPath.of("/b"), ContainerPath.of("/a/../b/"));
        assertEquals(ContainerPath.of("/b").hashCode(), ContainerPath.of("/a/../b/").hashCode());
    }

    @Test
    void relativeIsThePathWithoutItsLeadingSlash() {
        assertEquals("proc/sys", ContainerPath.of("/proc/sys").relative());
        assertEquals("dev", ContainerPath.of("/dev/pts/..").relative());
        assertEquals("", ContainerPath.of("/").relative());
    }

    @Test
    void componentsAreTheNamesFromTheRootDown() {
        assertEquals(List.of("sys", "fs", "cgroup"), ContainerPath.of("/sys/fs/cgroup").components());
        assertEquals(List.of("dev"), ContainerPath.of("/dev").components());
        assertEquals(List.of(), ContainerPath.of("/").components());
        assertEquals(List.of(), ContainerPath.of("/a/..").components());
    }

    @Test
    void onlyTheRootIsRoot() {
        assertTrue(ContainerPath.of("/").isRoot());
        assertTrue(ContainerPath.of("/..").isRoot());
        assertFalse(ContainerPath.of("/proc").isRoot());
    }

    @Test
    void resolveAppendsAChildAndNormalises() {
        assertEquals(ContainerPath.of("/dev/pts"), ContainerPath.of("/dev").resolve("pts"));
        assertEquals(ContainerPath.of("/dev"), ContainerPath.of("/").resolve("dev"));
        assertEquals(ContainerPath.of("/etc"), ContainerPath.of("/dev").resolve("../etc"));
        assertEquals(ContainerPath.of("/"), ContainerPath.of("/dev").resolve("../../../.."));
    }
}
