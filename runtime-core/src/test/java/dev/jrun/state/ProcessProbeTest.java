package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {

    @TempDir
    Path proc;

    /** A stat line as the kernel writes it, with the given comm, state and start time. */
    static String statLine(int pid, String comm, char state, long startTime) {
        return pid + " (" + comm + ") " + state + " 1 4539 4539 0 -1 4194560 97 0 0 0 0 0 0 0 20 0 1 0 "
                + startTime + " 1396736 1 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    }

    private void fake(int pid, String content) throws IOException {
        Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), content);
    }

    @Test
    void readsStateAndStartTime() throws IOException {
        fake(4539, statLine(4539, "sleep", 'S', 35078));
        assertEquals(Optional.of(new ProcStat(4539, 'S', 35078)), new ProcessProbe(proc).stat(4539));
    }

    @Test
    void aCommWithSpacesAndParenthesesDoesNotShiftTheFields() throws IOException {
        fake(7, statLine(7, ") Z 1 2 (x) (", 'R', 123456789012L));
        assertEquals(Optional.of(new ProcStat(7, 'R', 123456789012L)), new ProcessProbe(proc).stat(7));
    }

    @Test
    void aMissingProcessIsEmpty() {
        assertEquals(Optional.empty(), new ProcessProbe(proc).stat(99));
        assertEquals(Optional.empty(), new ProcessProbe(proc).stat(0));
        assertEquals(Optional.empty(), new ProcessProbe(proc).stat(-1));
    }

    @Test
    void zombiesAndDeadProcessesHaveExited() {
        assertTrue(new ProcStat(1, 'Z', 1).exited());
        assertTrue(new ProcStat(1, 'X', 1).exited());
        assertEquals(false, new ProcStat(1, 'S', 1).exited());
    }

    @Test
    void garbageNamesTheFile() throws IOException {
        fake(8, "8 (x) S 1 2\n");
        StateException e = assertThrows(StateException.class, () -> new ProcessProbe(proc).stat(8));
        assertEquals("parse " + proc.resolve("8/stat") + ": too few fields", e.getMessage());
        fake(9, "9 x S");
        assertThrows(StateException.class, () -> new ProcessProbe(proc).stat(9));
    }

    @Test
    void readsTheRealProcOfThisJvm() {
        int pid = (int) ProcessHandle.current().pid();
        ProcStat stat = ProcessProbe.host().stat(pid).orElseThrow();
        assertEquals(pid, stat.pid());
        assertTrue(stat.startTime() > 0);
        assertTrue("RS".indexOf(stat.state()) >= 0, "state " + stat.state());
    }
}
