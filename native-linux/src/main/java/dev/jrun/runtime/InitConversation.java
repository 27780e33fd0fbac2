package dev.jrun.runtime;

import static dev.jrun.linux.helper.HelperProtocol.*;

import dev.jrun.linux.helper.SyncSocket;
import dev.jrun.spec.IdMapping;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Our side of the sync protocol (docs/protocol.md) from spawn to "ready": answers the id-map
 * request, learns the init's pid, lets the caller place the process in its cgroups before it
 * takes its credentials, and turns an "error" or a silent death into a {@link RuntimeFailure}.
 */
final class InitConversation {

    /** What the conversation needs done on the host side. */
    interface Host {
        void writeIdMaps(int pid, List<IdMapping> uidMappings, List<IdMapping> gidMappings);

        /** Join cgroups, write oom_score_adj: the process has not taken its credentials yet. */
        void beforeHandoff(int pid);
    }

    private final SyncSocket sync;
    private final Host host;
    private final List<IdMapping> uidMappings;
    private final List<IdMapping> gidMappings;
    private int pid;

    InitConversation(SyncSocket sync, Host host, List<IdMapping> uidMappings, List<IdMapping> gidMappings) {
        this.sync = sync;
        this.host = host;
        this.uidMappings = uidMappings;
        this.gidMappings = gidMappings;
    }

    /**
     * Runs until the process reports ready; returns its pid.
     *
     * @param onPid told the pid as soon as it is known, so that a failure later can kill it
     */
    int untilReady(IntConsumer onPid) {
        while (true) {
            SyncSocket.Message message = sync.receive()
                    .orElseThrow(() -> new RuntimeFailure(pid == 0
                            ? "container helper exited before starting the init"
                            : "container init exited before it was ready"));
            switch (message.type()) {
                case IDMAP -> {
                    host.writeIdMaps(message.intArgument(), uidMappings, gidMappings);
                    sync.send(IDMAP_OK);
                }
                case PID -> {
                    pid = message.intArgument();
                    onPid.accept(pid);
                }
                case HANDOFF -> {
                    host.beforeHandoff(pid);
                    sync.send(CONTINUE);
                }
                case READY -> {
                    return pid;
                }
                case ERROR -> throw new RuntimeFailure(message.argument());
                default -> throw new RuntimeFailure("unexpected message from the container init: " + message.type());
            }
        }
    }
}
