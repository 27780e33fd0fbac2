package dev.jrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jrun.linux.RecordingSyscalls;
import dev.jrun.linux.helper.SyncSocket;
import dev.jrun.spec.IdMapping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our side of the sync protocol, driven by scripted messages from the helper. */
class InitConversationTest {

    private static final List<IdMapping> UIDS = List.of(new IdMapping(0, 100000, 65536));
    private static final List<IdMapping> GIDS = List.of(new IdMapping(0, 200000, 1), new IdMapping(1, 300000, 10));

    private final RecordingSyscalls fake = new RecordingSyscalls();
    private final int socket = fake.descriptor("socket");
    private final List<List<IdMapping>> mapsWritten = new ArrayList<>();

    /** Notes each callback in the fake's transcript, so that its order against the messages shows. */
    private final InitConversation.Host host = new InitConversation.Host() {
        @Override
        public void writeIdMaps(int pid, List<IdMapping> uidMappings, List<IdMapping> gidMappings) {
            mapsWritten.add(uidMappings);
            mapsWritten.add(gidMappings);
            fake.note("write id maps of " + pid);
        }

        @Override
        public void beforeHandoff(int pid) {
            fake.note("join cgroups of " + pid);
        }
    };

    private int converse(String... messages) {
        fake.incoming(socket, messages);
        return new InitConversation(new SyncSocket(fake, socket), host, UIDS, GIDS)
                .untilReady(pid -> fake.note("init is " + pid));
    }

    private String failure(String... messages) {
        return assertThrows(RuntimeFailure.class, () -> converse(messages)).getMessage();
    }

    @Test
    void aWholeCreateAnswersEachRequestAndReturnsTheInitsPid() {
        assertEquals(4242, converse("idmap 4241", "pid 4242", "handoff", "ready"));
        assertEquals(List.of(
                "read 3 4096 = \"idmap 4241\"",
                "# write id maps of 4241",
                "write 3 \"idmap-ok\"",
                "read 3 4096 = \"pid 4242\"",
                "# init is 4242",
                "read 3 4096 = \"handoff\"",
                "# join cgroups of 4242",
                "write 3 \"continue\"",
                "read 3 4096 = \"ready\""), fake.transcript());
    }

    @Test
    void theMapsOfThePlanAreWritten() {
        converse("idmap 10", "pid 11", "handoff", "ready");
        assertEquals(List.of(UIDS, GIDS), mapsWritten);
    }

    @Test
    void withoutAUserNamespaceThereIsNoIdMapExchange() {
        assertEquals(77, converse("pid 77", "handoff", "ready"));
        assertEquals(List.of("continue"), fake.written(socket));
        assertEquals(List.of(), mapsWritten);
    }

    @Test
    void nothingIsReadAfterReady() {
        converse("pid 5", "handoff", "ready", "error too late");
        assertEquals(3, fake.calls("read").size());
    }

    @Test
    void anErrorFromTheHelperIsTheFailureWithItsText() {
        assertEquals("mount proc on /proc: operation not permitted",
                failure("pid 42", "error mount proc on /proc: operation not permitted"));
        assertEquals(List.of("# init is 42"), fake.transcript().stream().filter(l -> l.startsWith("#")).toList(),
                "the pid was known before the failure, so the caller can kill it");
    }

    @Test
    void anErrorBeforeThePidIsReportedToo() {
        assertEquals("unshare user namespace: operation not permitted",
                failure("error unshare user namespace: operation not permitted"));
    }

    @Test
    void endOfFileBeforeThePidMeansTheHelperDied() {
        assertEquals("container helper exited before starting the init", failure());
        assertEquals("container helper exited before starting the init", failure("idmap 9"));
    }

    @Test
    void endOfFileAfterThePidMeansTheInitDied() {
        assertEquals("container init exited before it was ready", failure("pid 9"));
        assertEquals("container init exited before it was ready", failure("pid 9", "handoff"));
    }

    @Test
    void anUnknownMessageIsAFailure() {
        assertEquals("unexpected message from the container init: hello", failure("pid 1", "hello world"));
    }
}
