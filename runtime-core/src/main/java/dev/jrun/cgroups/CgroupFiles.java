package dev.jrun.cgroups;

import dev.jrun.io.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes of cgroup files, with errors that say what was done to which file in the
 * words of the errno ("write /sys/fs/cgroup/memory/x/memory.limit_in_bytes: invalid argument").
 * A control file is never created: cgroupfs makes them with the directory, so a missing one
 * means the controller is not there.
 */
final class CgroupFiles {

    private CgroupFiles() {
    }

    /** One write(2) of the whole value: the kernel takes each write as one command. */
    static void write(Path dir, String file, String value) {
        Path path = dir.resolve(file);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bytes = ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
            if (ch.write(bytes) != bytes.limit()) {
                throw new CgroupException("write " + path + ": short write");
            }
        } catch (IOException e) {
            throw new CgroupException("write " + path + ": " + IoErrors.reason(e), e);
        }
    }

    /** The content without the final newline. */
    static String read(Path dir, String file) {
        Path path = dir.resolve(file);
        try {
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new CgroupException("read " + path + ": " + IoErrors.reason(e), e);
        }
    }

    static boolean exists(Path dir, String file) {
        return Files.exists(dir.resolve(file), LinkOption.NOFOLLOW_LINKS);
    }

    /** Creates what is missing of {@code dir} below {@code top}; returns what it created, top down. */
    static List<Path> mkdirs(Path top, Path dir) {
        List<Path> created = new ArrayList<>();
        Path current = top;
        for (Path name : top.relativize(dir)) {
            current = current.resolve(name);
            try {
                Files.createDirectory(current);
                created.add(current);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    throw new CgroupException("mkdir " + current + ": not a directory");
                }
            } catch (IOException e) {
                throw new CgroupException("mkdir " + current + ": " + IoErrors.reason(e), e);
            }
        }
        return created;
    }

    /** The sub-cgroups of a cgroup (its only subdirectories). */
    static List<Path> children(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    children.add(entry);
                }
            }
        }
        return children;
    }

    /** EINVAL, as the JDK reports it for a write the kernel refused. */
    static boolean invalidArgument(CgroupException e) {
        return e.getCause() instanceof IOException io && "invalid argument".equals(IoErrors.reason(io));
    }

    /** EBUSY from rmdir: the cgroup still has tasks, which are probably still exiting. */
    static boolean busy(IOException e) {
        return "device or resource busy".equals(IoErrors.reason(e));
    }
}
