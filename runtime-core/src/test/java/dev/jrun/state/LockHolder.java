package dev.jrun.state;

import java.nio.file.Path;

/** Run in a second JVM by {@link CrossProcessLockTest}: locks a container, says so, waits for stdin to close. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (ContainerDir dir = new StateStore(Path.of(args[0])).open(args[1])) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our stdin or kills us
            }
        }
    }
}
