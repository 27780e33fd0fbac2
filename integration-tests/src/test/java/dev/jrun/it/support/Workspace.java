package dev.jrun.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * One directory per test run for the rootfs cache, bundles and --root dirs, removed when the
 * JVM exits. Mode 755 all the way down, so that a container root mapped to an unprivileged host
 * uid, or a rootless runtime, can reach its bundle.
 */
public final class Workspace {
    private static Path dir;

    private Workspace() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("jrun-it-");
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(created)));
        }
        return dir;
    }

    /** A new empty directory in the workspace, readable by everyone. */
    public static Path newDir(String prefix) {
        try {
            Path made = Files.createTempDirectory(dir(), prefix);
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwxr-xr-x"));
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** rm -rf that stays on one file system: a mount some runtime left behind is not followed. */
    public static void remove(Path path) {
        Command.run(List.of("rm", "-rf", "--one-file-system", path.toString()));
    }
}
