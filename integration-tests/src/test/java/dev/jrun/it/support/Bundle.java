package dev.jrun.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An OCI bundle in the workspace: a copy of the base rootfs and a config.json. */
public final class Bundle implements AutoCloseable {
    private final Path dir;

    private Bundle(Path dir) {
        this.dir = dir;
    }

    /**
     * A bundle for the config. With a user namespace, the rootfs belongs to the host uid that
     * container root maps to, as it would for a pod with hostUsers: false.
     */
    public static Bundle of(Config config) {
        Bundle bundle = withoutRootfs();
        Command.run(List.of("cp", "-a", BaseRootfs.path().toString(), bundle.rootfs().toString())).ok();
        config.hostRootId().ifPresent(id -> bundle.chown(bundle.rootfs(), id));
        return bundle.write(config);
    }

    /** An empty bundle directory: no rootfs, no config.json. */
    public static Bundle withoutRootfs() {
        return new Bundle(Workspace.newDir("bundle-"));
    }

    public Path dir() {
        return dir;
    }

    public Path rootfs() {
        return dir.resolve("rootfs");
    }

    /** A path inside the rootfs, given as the container sees it. */
    public Path inside(String containerPath) {
        return rootfs().resolve(containerPath.substring(1));
    }

    public Bundle write(Config config) {
        return writeRaw(config.toJson());
    }

    public Bundle writeRaw(String configJson) {
        try {
            Files.writeString(dir.resolve("config.json"), configJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Gives the whole bundle to one host id (a rootless runtime must own what it uses). */
    public Bundle ownedBy(long id) {
        chown(dir, id);
        return this;
    }

    private void chown(Path path, long id) {
        Command.run(List.of("chown", "-R", "-h", id + ":" + id, path.toString())).ok();
        BaseRootfs.restoreSetuid(rootfs());
    }

    @Override
    public void close() {
        Workspace.remove(dir);
    }
}
