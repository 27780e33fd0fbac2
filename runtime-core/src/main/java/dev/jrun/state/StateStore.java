package dev.jrun.state;

import dev.jrun.io.IoErrors;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The state root ({@code --root}): one directory per container, named by its id. Commands that
 * change a container hold its lock ({@link #create}, {@link #open}); {@code state} and
 * {@code list} read without it ({@link #load}), which is safe because state.json is only ever
 * replaced by a rename.
 */
public final class StateStore {

    private final Path root;

    public StateStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * Makes the directory of a new container (the root too, mode 0700, when missing) and locks
     * it. The directory is mode 0711 like runc's: others may pass through it to exec.fifo's
     * directory entry but not list it.
     */
    public ContainerDir create(String id) {
        ContainerId.validate(id);
        Path dir = root.resolve(id);
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (FileAlreadyExistsException e) {
            throw new StateException("container \"" + id + "\" already exists");
        } catch (IOException e) {
            throw new StateException("create " + dir + ": " + IoErrors.reason(e), e);
        }
        try {
            return new ContainerDir(id, dir, ContainerLock.acquire(dir.resolve(ContainerDir.LOCK)));
        } catch (NoSuchFileException e) {
            throw new StateException("container \"" + id + "\" was deleted while being created");
        } catch (IOException | RuntimeException e) {
            removeQuietly(dir);
            throw new StateException("lock " + dir + ": " + IoErrors.reason(e), e);
        }
    }

    /** Locks an existing container's directory, waiting while another command holds it. */
    public ContainerDir open(String id) {
        ContainerId.validate(id);
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(id);
        }
        try {
            return new ContainerDir(id, dir, ContainerLock.acquire(dir.resolve(ContainerDir.LOCK)));
        } catch (NoSuchFileException e) {
            throw notFound(id);
        } catch (IOException e) {
            throw new StateException("lock " + dir + ": " + IoErrors.reason(e), e);
        }
    }

    /** Reads a container's state without its lock. */
    public ContainerState load(String id) {
        ContainerId.validate(id);
        return read(id, root.resolve(id).resolve(ContainerDir.STATE));
    }

    /** Where a container's exec.fifo is, for {@link StatusProbe}. */
    public Path execFifo(String id) {
        return root.resolve(ContainerId.validate(id)).resolve(ContainerDir.EXEC_FIFO);
    }

    /** The ids of the containers in the root, sorted like runc's list; none when there is no root. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (ContainerId.isValid(name) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    ids.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StateException("list " + root + ": " + IoErrors.reason(e), e);
        }
        ids.sort(null);
        return ids;
    }

    static ContainerState read(String id, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException | NotDirectoryException e) {
            // no directory, or a create that has not saved yet (runc says the same)
            throw notFound(id);
        } catch (IOException e) {
            throw new StateException("read " + file + ": " + IoErrors.reason(e), e);
        }
        ContainerState state = StateFile.decode(bytes, file);
        if (!state.id().equals(id)) {
            throw new StateException("corrupt state file " + file + ": it is for container \"" + state.id() + "\"");
        }
        return state;
    }

    private static StateException notFound(String id) {
        return new StateException("container \"" + id + "\" does not exist");
    }

    private static void removeQuietly(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // best effort after a failure that is already being reported
        }
    }
}
