package dev.jrun.linux.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.linux.Errno;
import dev.jrun.linux.RecordingSyscalls;
import dev.jrun.linux.SyscallException;
import dev.jrun.plan.ContainerPath;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RootfsTest {

    private static final int EROFS = 30;
    private static final String IN_ROOT = "O_PATH|O_CLOEXEC RESOLVE_IN_ROOT";

    private final RecordingSyscalls fake = new RecordingSyscalls();
    private final int root = fake.descriptor("/rootfs");
    private final Rootfs rootfs = new Rootfs(fake, root);

    private static ContainerPath path(String value) {
        return ContainerPath.of(value);
    }

    @Test
    void descriptorsAreNamedForMountThroughProcSelfFd() {
        assertEquals("/proc/self/fd/17", Rootfs.fdPath(17));
    }

    @Test
    void openResolvesInsideTheRootWithAnyExtraResolveFlags() {
        int fd = rootfs.open(path("/proc/sys"), 0);
        int noLinks = rootfs.open(path("/dev/null"), dev.jrun.linux.Syscalls.RESOLVE_NO_SYMLINKS);
        assertEquals(List.of(
                "openat2 3 proc/sys " + IN_ROOT + " = 4",
                "openat2 3 dev/null O_PATH|O_CLOEXEC RESOLVE_NO_SYMLINKS|RESOLVE_IN_ROOT = 5"), fake.transcript());
        assertEquals("/rootfs/proc/sys", fake.nameOf(fd));
        assertEquals("/rootfs/dev/null", fake.nameOf(noLinks));
    }

    @Test
    void theRootItselfIsOpenedAsDot() {
        rootfs.open(path("/"), 0);
        assertEquals(List.of("openat2 3 . " + IN_ROOT + " = 4"), fake.transcript());
    }

    @Test
    void openIfExistsIsEmptyForAMissingPath() {
        fake.absent("/rootfs/proc/scsi");
        assertEquals(OptionalInt.empty(), rootfs.openIfExists(path("/proc/scsi")));
        assertEquals(OptionalInt.of(4), rootfs.openIfExists(path("/proc/acpi")));
    }

    @Test
    void openIfExistsPassesOtherErrorsOn() {
        fake.failWhen("openat2 3 proc/kcore", Errno.ELOOP);
        SyscallException e = assertThrows(SyscallException.class, () -> rootfs.openIfExists(path("/proc/kcore")));
        assertEquals(Errno.ELOOP, e.errno());
    }

    @Test
    void mkdirsCreatesMissingComponentsOneByOneInsideTheRoot() {
        fake.absent("/rootfs/var/lib");
        int fd = rootfs.mkdirs(path("/var/lib/data"));
        assertEquals(List.of(
                "openat2 3 . " + IN_ROOT + " = 4",
                "openat2 3 var " + IN_ROOT + " = 5",
                "close 4",
                "openat2 3 var/lib " + IN_ROOT + " = -1 ENOENT",
                "mkdirat 5 lib 0755",
                "openat2 3 var/lib " + IN_ROOT + " = 6",
                "close 5",
                "openat2 3 var/lib/data " + IN_ROOT + " = -1 ENOENT",
                "mkdirat 6 data 0755",
                "openat2 3 var/lib/data " + IN_ROOT + " = 7",
                "close 6"), fake.transcript());
        assertEquals(7, fd);
        assertEquals("/rootfs/var/lib/data", fake.nameOf(fd));
        assertEquals(Set.of(root, fd), fake.openDescriptors());
    }

    @Test
    void mkdirsOfAnExistingDirectoryCreatesNothing() {
        rootfs.mkdirs(path("/proc/sys"));
        assertEquals(List.of(), fake.calls("mkdirat"));
        assertEquals(Set.of(root, 6), fake.openDescriptors());
    }

    @Test
    void mkdirsOfTheRootIsTheRoot() {
        int fd = rootfs.mkdirs(path("/"));
        assertEquals(List.of("openat2 3 . " + IN_ROOT + " = 4"), fake.transcript());
        assertEquals("/rootfs", fake.nameOf(fd));
    }

    @Test
    void mkdirsFailsWhenADirectoryCannotBeMade() {
        fake.absent("/rootfs/data");
        fake.failWhen("mkdirat", EROFS);
        SyscallException e = assertThrows(SyscallException.class, () -> rootfs.mkdirs(path("/data/x")));
        assertEquals("mkdirat data: read-only file system", e.getMessage());
    }

    @Test
    void mkfileOpensAnExistingFileAndCreatesNothing() {
        int fd = rootfs.mkfile(path("/etc/hosts"));
        assertEquals(List.of("openat2 3 etc/hosts " + IN_ROOT + " = 4"), fake.transcript());
        assertEquals(4, fd);
    }

    @Test
    void mkfileCreatesAnEmptyFileWithoutFollowingALinkAndOpensIt() {
        fake.absent("/rootfs/etc/hosts");
        int fd = rootfs.mkfile(path("/etc/hosts"));
        assertEquals(List.of(
                "openat2 3 etc/hosts " + IN_ROOT + " = -1 ENOENT",
                "openat2 3 . " + IN_ROOT + " = 4",
                "openat2 3 etc " + IN_ROOT + " = 5",
                "close 4",
                "openat 5 hosts O_WRONLY|O_CREAT|O_NOFOLLOW|O_CLOEXEC 0644 = 6",
                "close 6",
                "close 5",
                "openat2 3 etc/hosts " + IN_ROOT + " = 7"), fake.transcript());
        assertEquals(7, fd);
        assertEquals(Set.of(root, fd), fake.openDescriptors());
    }

    @Test
    void parentAndNameSplitAPath() {
        assertEquals(path("/dev"), Rootfs.parent(path("/dev/null")));
        assertEquals(path("/"), Rootfs.parent(path("/dev")));
        assertEquals("null", Rootfs.name(path("/dev/null")));
        assertEquals("dev", Rootfs.name(path("/dev")));
    }

    @Test
    void createIgnoringExistingTakesEexistAsSuccess() {
        rootfs.createIgnoringExisting(() -> {
            throw new SyscallException("mknodat", "null", Errno.EEXIST, "File exists");
        });
        SyscallException e = assertThrows(SyscallException.class, () -> rootfs.createIgnoringExisting(() -> {
            throw new SyscallException("mknodat", "null", Errno.EPERM, "Operation not permitted");
        }));
        assertEquals(Errno.EPERM, e.errno());
        boolean[] ran = {false};
        rootfs.createIgnoringExisting(() -> ran[0] = true);
        assertTrue(ran[0]);
    }
}
