package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusDerivationTest {

    private static final ContainerState STATE = Samples.abc();
    private static final long START = STATE.initStartTime();

    static Stream<Arguments> table() {
        Optional<ProcStat> gone = Optional.empty();
        Optional<ProcStat> sleeping = Optional.of(new ProcStat(4539, 'S', START));
        Optional<ProcStat> reused = Optional.of(new ProcStat(4539, 'S', START + 1));
        Optional<ProcStat> zombie = Optional.of(new ProcStat(4539, 'Z', START));
        Optional<ProcStat> dead = Optional.of(new ProcStat(4539, 'X', START));
        return Stream.of(
                // process, fifo, frozen -> status
                Arguments.of(gone, false, false, Status.STOPPED),
                Arguments.of(gone, true, false, Status.STOPPED),
                Arguments.of(gone, false, true, Status.STOPPED),
                Arguments.of(reused, false, false, Status.STOPPED),
                Arguments.of(reused, true, true, Status.STOPPED),
                Arguments.of(zombie, false, false, Status.STOPPED),
                Arguments.of(zombie, true, false, Status.STOPPED),
                Arguments.of(dead, false, false, Status.STOPPED),
                Arguments.of(sleeping, true, false, Status.CREATED),
                Arguments.of(sleeping, false, false, Status.RUNNING),
                Arguments.of(sleeping, false, true, Status.PAUSED),
                Arguments.of(sleeping, true, true, Status.PAUSED));
    }

    @ParameterizedTest
    @MethodSource("table")
    void derives(Optional<ProcStat> now, boolean fifo, boolean frozen, Status expected) {
        assertEquals(expected, StatusDerivation.derive(STATE, now, fifo, frozen));
    }

    @Test
    void withoutAFreezerNothingIsPaused() {
        assertEquals(Status.RUNNING, StatusDerivation.derive(STATE, Optional.of(new ProcStat(1, 'R', START)), false));
    }

    @Test
    void theProbeAsksTheFreezerOnlyWhileTheInitLives(@TempDir Path dir) throws IOException {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("4539"));
        Files.writeString(proc.resolve("4539/stat"), ProcessProbeTest.statLine(4539, "sh", 'S', START));
        Path fifo = dir.resolve("exec.fifo");
        AtomicInteger asked = new AtomicInteger();
        StatusProbe probe = new StatusProbe(new ProcessProbe(proc), s -> asked.incrementAndGet() < 0);

        assertEquals(Status.RUNNING, probe.view(STATE, fifo).status());
        Files.createFile(fifo);
        ContainerView created = probe.view(STATE, fifo);
        assertEquals(Status.CREATED, created.status());
        assertEquals(4539, created.pid());

        Files.delete(proc.resolve("4539/stat"));
        int before = asked.get();
        ContainerView stopped = probe.view(STATE, fifo);
        assertEquals(Status.STOPPED, stopped.status());
        assertEquals(0, stopped.pid());
        assertEquals(before, asked.get());
    }

    @Test
    void theProbeReportsPaused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("4539"));
        Files.writeString(dir.resolve("4539/stat"), ProcessProbeTest.statLine(4539, "sh", 'S', START));
        StatusProbe probe = new StatusProbe(new ProcessProbe(dir), s -> true);
        assertEquals(Status.PAUSED, probe.view(STATE, dir.resolve("exec.fifo")).status());
    }
}
