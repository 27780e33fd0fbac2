package dev.jrun.cgroups;

import static dev.jrun.cgroups.FakeHost.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreezerTest {

    @TempDir
    Path tmp;

    @Test
    void v1WritesFreezerState() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("freezer/abc"));
        Files.writeString(dir.resolve("freezer.state"), "THAWED\n");
        Path unified = Files.createDirectories(tmp.resolve("unified/abc"));
        Files.writeString(unified.resolve("cgroup.freeze"), "0\n");
        Map<String, Path> paths = Map.of("freezer", dir, "", unified);

        assertFalse(Freezer.isFrozen(paths));
        Freezer.freeze(paths);
        assertEquals("FROZEN", read(dir, "freezer.state"));
        assertEquals("0\n", read(unified, "cgroup.freeze"));
        assertTrue(Freezer.isFrozen(paths));
        Freezer.thaw(paths);
        assertEquals("THAWED", read(dir, "freezer.state"));
        assertFalse(Freezer.isFrozen(paths));
    }

    @Test
    void v2WritesCgroupFreezeAndWaitsForTheEvent() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("abc"));
        Files.writeString(dir.resolve("cgroup.freeze"), "0\n");
        Files.writeString(dir.resolve("cgroup.events"), "populated 1\nfrozen 1\n");
        Map<String, Path> paths = Map.of("", dir);

        assertFalse(Freezer.isFrozen(paths));
        Freezer.freeze(paths);
        assertEquals("1", read(dir, "cgroup.freeze"));
        assertTrue(Freezer.isFrozen(paths));
        Freezer.thaw(paths);
        assertEquals("0", read(dir, "cgroup.freeze"));
        assertFalse(Freezer.isFrozen(paths));
    }

    @Test
    void withoutAFreezerNothingIsFrozen() throws IOException {
        assertFalse(Freezer.isFrozen(Map.of()));
        assertFalse(Freezer.isFrozen(Map.of("freezer", tmp.resolve("gone"))));
        assertFalse(Freezer.isFrozen(Map.of("", Files.createDirectories(tmp.resolve("hybrid-unified")))));
        CgroupException e = assertThrows(CgroupException.class, () -> Freezer.freeze(Map.of("pids", tmp)));
        assertEquals("the container has no freezer cgroup", e.getMessage());
    }
}
