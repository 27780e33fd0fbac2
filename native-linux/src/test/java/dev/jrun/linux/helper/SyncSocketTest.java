package dev.jrun.linux.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jrun.linux.RecordingSyscalls;
import dev.jrun.linux.SyscallException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncSocketTest {

    private static final int EBADF = 9;

    private final RecordingSyscalls fake = new RecordingSyscalls();
    private final int fd = fake.descriptor("socket");
    private final SyncSocket sync = new SyncSocket(fake, fd);

    @Test
    void aMessageIsSplitIntoItsTypeAndArgument() {
        fake.incoming(fd, "pid 4242");
        SyncSocket.Message message = sync.receive().orElseThrow();
        assertEquals(new SyncSocket.Message("pid", "4242"), message);
        assertEquals(4242, message.intArgument());
    }

    @Test
    void aMessageWithoutArgumentHasAnEmptyOne() {
        fake.incoming(fd, "ready");
        assertEquals(Optional.of(new SyncSocket.Message("ready", "")), sync.receive());
    }

    @Test
    void theArgumentKeepsEverythingAfterTheFirstSpace() {
        fake.incoming(fd, "error mount proc on /proc: operation not permitted");
        assertEquals(new SyncSocket.Message("error", "mount proc on /proc: operation not permitted"),
                sync.receive().orElseThrow());
    }

    @Test
    void anIntArgumentMayCarryANewline() {
        fake.incoming(fd, "idmap 17\n");
        assertEquals(17, sync.receive().orElseThrow().intArgument());
    }

    @Test
    void endOfFileIsEmpty() {
        fake.incoming(fd, "handoff");
        assertEquals("handoff", sync.receive().orElseThrow().type());
        assertEquals(Optional.empty(), sync.receive());
    }

    @Test
    void oneReadPerMessageOfAtMostOnePacket() {
        fake.incoming(fd, "idmap 17", "pid 18");
        sync.receive();
        sync.receive();
        assertEquals(List.of("read 3 4096 = \"idmap 17\"", "read 3 4096 = \"pid 18\""), fake.transcript());
    }

    @Test
    void sendWritesOneMessage() {
        sync.send("idmap-ok");
        sync.send("continue");
        assertEquals(List.of("idmap-ok", "continue"), fake.written(fd));
    }

    @Test
    void closeClosesTheDescriptor() {
        sync.close();
        assertEquals(List.of("close 3"), fake.transcript());
    }

    @Test
    void aFailedReadIsTheSyscallsError() {
        fake.failWhen("read", EBADF);
        assertEquals("read: bad file descriptor", assertThrows(SyscallException.class, sync::receive).getMessage());
    }
}
