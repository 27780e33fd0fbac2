package dev.jrun.linux.helper;

import static dev.jrun.linux.helper.HelperProtocol.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jrun.linux.Errno;
import dev.jrun.linux.RecordingSyscalls;
import dev.jrun.linux.SyscallException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the helper is started: from a sealed copy, with the protocol's descriptors at their numbers. */
class HelperLauncherTest {

    private static final int EMFILE = 24;
    private static final byte[] BINARY = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    private static final byte[] BOOTSTRAP = {1, 0, 0, 0};
    private static final byte[] PLAN = {0, 0, 0, 1, 2};
    private static final byte[] HANDOFF = {10, 0, 0, 0, 3, 0, 0, 0, 's', 'h', 0};

    @TempDir
    Path tmp;

    private final RecordingSyscalls fake = new RecordingSyscalls();
    private Path helper;

    @BeforeEach
    void helperBinary() throws IOException {
        helper = Files.write(tmp.resolve("jrun-nsexec"), BINARY);
    }

    private HelperLauncher.Started launch(Stage stage, OptionalInt fifo, OptionalInt console) {
        return new HelperLauncher(fake, helper).launch(stage,
                new HelperLauncher.Inputs(BOOTSTRAP, PLAN, HANDOFF, fifo, console));
    }

    @Test
    void theHelperRunsFromASealedMemfdWithEveryDescriptorAtItsNumber() {
        int fifo = fake.descriptor("/run/jrun/c1/exec.fifo");
        HelperLauncher.Started started = launch(Stage.CREATE, OptionalInt.of(fifo), OptionalInt.empty());
        assertEquals(List.of(
                "memfd_create jrun-nsexec 0x3 = 4",
                "write 4 <8 bytes>",
                "fcntl 4 F_ADD_SEALS 0xf",
                "socketpair 1 5 = 5,6",
                "memfd_create jrun-bootstrap 0x1 = 7",
                "write 7 <4 bytes>",
                "memfd_create jrun-initplan 0x1 = 8",
                "write 8 <5 bytes>",
                "memfd_create jrun-handoff 0x1 = 9",
                "write 9 <11 bytes>",
                "spawn /proc/self/fd/200 [jrun-nsexec, create] env=[] dup2={4=200, 6=201, 7=202, 8=203, 9=204, 3=205} = 1000",
                "close 4",
                "close 6",
                "close 7",
                "close 8",
                "close 9"), fake.transcript());
        assertEquals(1000, started.pid());
    }

    @Test
    void theFixedNumbersAreThoseOfTheProtocol() {
        assertEquals(List.of(200, 201, 202, 203, 204, 205, 206),
                List.of(FD_EXE, FD_SYNC, FD_BOOTSTRAP, FD_INITPLAN, FD_HANDOFF, FD_FIFO, FD_CONSOLE));
    }

    @Test
    void theMemfdsHoldTheInputsAndTheBinary() {
        launch(Stage.CREATE, OptionalInt.empty(), OptionalInt.empty());
        assertArrayEquals(BINARY, fake.writtenBytes(fake.lastOpened("memfd:jrun-nsexec")).get(0));
        assertArrayEquals(BOOTSTRAP, fake.writtenBytes(fake.lastOpened("memfd:jrun-bootstrap")).get(0));
        assertArrayEquals(PLAN, fake.writtenBytes(fake.lastOpened("memfd:jrun-initplan")).get(0));
        assertArrayEquals(HANDOFF, fake.writtenBytes(fake.lastOpened("memfd:jrun-handoff")).get(0));
    }

    @Test
    void onlyOurEndOfTheSocketStaysOpenAndTheSyncSocketUsesIt() {
        HelperLauncher.Started started = launch(Stage.EXEC, OptionalInt.empty(), OptionalInt.empty());
        assertEquals(Set.of(4), fake.openDescriptors(), "the socketpair was 4 and 5");
        fake.incoming(4, "ready");
        assertEquals("ready", started.sync().receive().orElseThrow().type());
    }

    @Test
    void theStageIsTheHelpersFirstArgumentAndOptionalDescriptorsAreLeftOut() {
        launch(Stage.EXEC, OptionalInt.empty(), OptionalInt.empty());
        assertEquals(List.of("spawn /proc/self/fd/200 [jrun-nsexec, exec] env=[] "
                + "dup2={3=200, 5=201, 6=202, 7=203, 8=204} = 1000"), fake.calls("spawn"));
    }

    @Test
    void aConsoleSocketGoesToItsOwnNumber() {
        int console = fake.descriptor("socket:/run/console.sock");
        launch(Stage.EXEC, OptionalInt.empty(), OptionalInt.of(console));
        assertEquals(List.of("spawn /proc/self/fd/200 [jrun-nsexec, exec] env=[] "
                + "dup2={4=200, 6=201, 7=202, 8=203, 9=204, 3=206} = 1000"), fake.calls("spawn"));
    }

    @Test
    void aFailedSpawnClosesEveryDescriptorItOpened() {
        fake.failWhen("spawn", Errno.EAGAIN);
        SyscallException e = assertThrows(SyscallException.class,
                () -> launch(Stage.CREATE, OptionalInt.empty(), OptionalInt.empty()));
        assertEquals("posix_spawn /proc/self/fd/200: resource temporarily unavailable", e.getMessage());
        assertEquals(Set.of(), fake.openDescriptors());
    }

    @Test
    void aFailureBeforeTheSpawnClosesEveryDescriptorItOpened() {
        fake.failWhen("memfd_create jrun-handoff", EMFILE);
        assertThrows(SyscallException.class, () -> launch(Stage.CREATE, OptionalInt.empty(), OptionalInt.empty()));
        assertEquals(Set.of(), fake.openDescriptors());
    }

    @Test
    void aSealingFailureClosesTheCopy() {
        fake.failWhen("fcntl", Errno.EINVAL);
        assertThrows(SyscallException.class, () -> launch(Stage.CREATE, OptionalInt.empty(), OptionalInt.empty()));
        assertEquals(Set.of(), fake.openDescriptors());
        assertEquals(List.of(), fake.calls("spawn"));
    }
}
