package dev.jrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrun.linux.RecordingSyscalls;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wait statuses as the shell reports them. */
class ProcessWaiterTest {

    @Test
    void anExitStatusIsTheExitCode() {
        assertEquals(0, ProcessWaiter.exitCode(0));
        assertEquals(7, ProcessWaiter.exitCode(7 << 8));
        assertEquals(255, ProcessWaiter.exitCode(255 << 8));
    }

    @Test
    void aSignalIs128PlusItsNumber() {
        assertEquals(137, ProcessWaiter.exitCode(9));
        assertEquals(143, ProcessWaiter.exitCode(15));
    }

    @Test
    void aCoreDumpDoesNotChangeTheSignal() {
        assertEquals(139, ProcessWaiter.exitCode(0x80 | 11));
    }

    @Test
    void waitForReapsThePidAndConvertsItsStatus() {
        RecordingSyscalls fake = new RecordingSyscalls().waitStatus(4242, 3 << 8);
        assertEquals(3, new ProcessWaiter(fake).waitFor(4242));
        assertEquals(List.of("waitpid 4242 = 0x300"), fake.transcript());
    }
}
