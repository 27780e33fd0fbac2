package dev.jrun.state;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The exclusive lock that makes commands on one container id take turns.
 *
 * <p>Between processes it is a POSIX record lock ({@code fcntl(F_SETLKW)}, what
 * {@link FileChannel#lock()} uses on Linux) on the whole lock file: {@code lock} waits while
 * another jrun holds it, and the kernel drops it when the holder exits, however it exits, so a
 * crashed command never leaves the container locked. Such a lock belongs to the process, not to
 * a descriptor: it is not inherited by children, and closing any descriptor of the file in this
 * process would release it, which is why nothing else opens the lock file. Within one JVM the
 * JDK refuses a second lock on the same file ({@code OverlappingFileLockException}) instead of
 * waiting, so threads first take an in-process lock per file.
 *
 * <p>A waiter may get the lock of a directory that the previous holder deleted; it then sees
 * that the file it locked is no longer the one at the path and reports that.
 */
final class ContainerLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, Local> IN_PROCESS = new ConcurrentHashMap<>();

    private final Local local;
    private final FileChannel channel;
    private final FileLock lock;

    private ContainerLock(Local local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Blocks until the lock is held.
     *
     * @throws NoSuchFileException when the directory holding the lock file is gone, before or
     *                             while waiting
     */
    static ContainerLock acquire(Path file) throws IOException {
        Local local = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Local());
        local.acquire(file);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            Object key = fileKey(file);
            FileLock lock = channel.lock();
            if (!Objects.equals(key, fileKey(file))) {
                throw new NoSuchFileException(file.toString(), null, "removed while waiting for its lock");
            }
            return new ContainerLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.release();
            throw e;
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
            local.release();
        }
    }

    /** The in-process half: not owned by a thread, so another thread may close the handle. */
    private static final class Local {

        private final Semaphore permit = new Semaphore(1);
        private volatile Thread holder;

        void acquire(Path file) throws IOException {
            if (holder == Thread.currentThread()) {
                // waiting would never end
                throw new StateException("lock " + file + ": already held by this thread");
            }
            try {
                permit.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for lock " + file);
            }
            holder = Thread.currentThread();
        }

        void release() {
            holder = null;
            permit.release();
        }
    }
}
