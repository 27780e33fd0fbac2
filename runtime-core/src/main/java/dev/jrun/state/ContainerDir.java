package dev.jrun.state;

import dev.jrun.io.IoErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One container's state directory, held under its lock from {@link StateStore#create} or
 * {@link StateStore#open} until {@link #close()}. It knows the names of the files in it:
 * <pre>
 *   state.json   the {@link ContainerState} ({@link StateFile} has the format)
 *   exec.fifo    the init blocks opening it until {@code start}; gone once started
 *   plan         the plan the init executes
 *   config.json  a copy of the bundle's config as it was at create
 *   lock         only ever locked, see {@link ContainerLock}
 * </pre>
 */
public final class ContainerDir implements AutoCloseable {

    static final String STATE = "state.json";
    static final String EXEC_FIFO = "exec.fifo";
    static final String LOCK = "lock";

    private final String id;
    private final Path dir;
    private final ContainerLock lock;

    ContainerDir(String id, Path dir, ContainerLock lock) {
        this.id = id;
        this.dir = dir;
        this.lock = lock;
    }

    public String id() {
        return id;
    }

    public Path path() {
        return dir;
    }

    public Path stateFile() {
        return dir.resolve(STATE);
    }

    public Path execFifo() {
        return dir.resolve(EXEC_FIFO);
    }

    public Path planFile() {
        return dir.resolve("plan");
    }

    public Path configFile() {
        return dir.resolve("config.json");
    }

    /** False after a create that did not get as far as saving its state. */
    public boolean hasState() {
        return Files.exists(stateFile(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Replaces state.json atomically: a reader sees the old file or the new one, never a part,
     * and after a crash the file is one or the other (the data and the rename are synced).
     */
    public void save(ContainerState state) {
        byte[] bytes = StateFile.encode(state);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, STATE + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(tmp, stateFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        } catch (IOException e) {
            throw new StateException("save " + stateFile() + ": " + IoErrors.reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the save already failed; remove() takes the rest
                }
            }
        }
    }

    public ContainerState load() {
        return StateStore.read(id, stateFile());
    }

    /** The name of the user owning this directory, as {@code list} shows it ("#uid" without a name). */
    public String owner() {
        try {
            int uid = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            String name = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            // the JDK names an unknown uid by its number
            return name.equals(Integer.toString(uid)) ? "#" + uid : name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the directory and everything in it (used when create fails and by delete). The
     * lock stays held until {@link #close()}, so a waiting command then finds the id gone.
     */
    public void remove() {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new StateException("remove " + dir + ": " + IoErrors.reason(e), e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
