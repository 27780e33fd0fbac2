package dev.jrun.linux;

import static dev.jrun.linux.Syscalls.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.plan.MountFlags;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fake the native layer's unit tests stand on: it must fail like the real layer and record faithfully. */
class RecordingSyscallsTest {

    private static final int EROFS = 30;

    private final RecordingSyscalls fake = new RecordingSyscalls();

    @Test
    void descriptorsIncreaseAndAreNeverReused() {
        int a = fake.open("/a", O_RDONLY, 0);
        fake.close(a);
        int b = fake.openat(a, "b", O_PATH | O_CLOEXEC, 0);
        assertEquals(List.of(3, 4), List.of(a, b));
        assertEquals(Set.of(4), fake.openDescriptors());
    }

    @Test
    void oneTranscriptKeepsTheOrderAcrossKindsOfCall() {
        int root = fake.descriptor("/rootfs");
        int fd = fake.openat2(root, "proc/sys", O_PATH | O_CLOEXEC, RESOLVE_IN_ROOT);
        fake.mount("", fdPath(fd), "", MountFlags.MS_BIND | MountFlags.MS_REMOUNT | MountFlags.MS_RDONLY, null);
        fake.pivotRoot(".", ".");
        fake.close(fd);
        assertEquals(List.of(
                "openat2 3 proc/sys O_PATH|O_CLOEXEC RESOLVE_IN_ROOT = 4",
                "mount \"\" -> /proc/self/fd/4 type=\"\" flags=MS_RDONLY|MS_REMOUNT|MS_BIND",
                "pivot_root . .",
                "close 4"), fake.transcript());
        assertEquals("/rootfs/proc/sys", fake.nameOf(fd));
    }

    private static String fdPath(int fd) {
        return "/proc/self/fd/" + fd;
    }

    @Test
    void theNthCallFailsWithTheSyscallExceptionOfTheRealLayer() {
        fake.failCall(2, Errno.EPERM);
        fake.mount("proc", "/a", "proc", 0, null);
        SyscallException e = assertThrows(SyscallException.class, () -> fake.mount("proc", "/b", "proc", 0, null));
        assertEquals("mount /b: operation not permitted", e.getMessage());
        assertEquals("mount", e.call());
        assertEquals(Errno.EPERM, e.errno());
        assertEquals("operation not permitted", e.reason());
        fake.mount("proc", "/c", "proc", 0, null);
        assertEquals("mount proc -> /b type=proc flags=0 = -1 EPERM", fake.transcript().get(1));
        assertEquals(3, fake.calls("mount").size());
    }

    @Test
    void aMatchingCallFailsEveryTimeOrOnlyAtItsOccurrence() {
        fake.failWhen("mkdirat 5 ", EROFS);
        fake.failWhen(line -> line.startsWith("chdir"), 2, Errno.ENOENT);
        assertThrows(SyscallException.class, () -> fake.mkdirat(5, "a", 0755));
        assertThrows(SyscallException.class, () -> fake.mkdirat(5, "b", 0755));
        fake.mkdirat(6, "a", 0755);
        fake.chdir("/");
        assertEquals("chdir /x: no such file or directory",
                assertThrows(SyscallException.class, () -> fake.chdir("/x")).getMessage());
        fake.chdir("/y");
    }

    @Test
    void theRealLayerNamesLchownatAsFchownat() {
        fake.failWhen("lchownat", Errno.EPERM);
        assertEquals("fchownat null: operation not permitted",
                assertThrows(SyscallException.class, () -> fake.lchownat(3, "null", 0, 0)).getMessage());
    }

    @Test
    void eintrCannotBeInjectedBecauseTheRealLayerRetriesIt() {
        assertThrows(IllegalArgumentException.class, () -> fake.failCall(1, Errno.EINTR));
    }

    @Test
    void anAbsentPathIsMissingUntilCreatedAndItsChildrenStayMissing() {
        int root = fake.descriptor("/rootfs");
        fake.absent("/rootfs/a");
        SyscallException e = assertThrows(SyscallException.class,
                () -> fake.openat2(root, "a/b", O_PATH, RESOLVE_IN_ROOT));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals("openat2 a/b: no such file or directory", e.getMessage());
        fake.mkdirat(root, "a", 0755);
        fake.openat2(root, "a", O_PATH, RESOLVE_IN_ROOT);
        assertThrows(SyscallException.class, () -> fake.openat2(root, "a/b", O_PATH, RESOLVE_IN_ROOT));
        fake.openat2(root, "/etc/../b", O_PATH, RESOLVE_IN_ROOT);
        assertEquals("/rootfs/b", fake.nameOf(fake.lastOpened("/rootfs/b")));
    }

    @Test
    void fstatAnswersByDescriptorFirstThenByPath() {
        FileStat nullDevice = new FileStat(0, 0, 0020666, FileStat.makedev(1, 3), 0);
        FileStat file = new FileStat(0, 0, 0100644, 0, 10);
        fake.stat("/dev/null", nullDevice);
        int a = fake.open("/dev/null", O_PATH, 0);
        int b = fake.open("/dev/null", O_PATH, 0);
        fake.stat(b, file);
        assertEquals(nullDevice, fake.fstat(a));
        assertEquals(file, fake.fstat(b));
        assertTrue(fake.fstat(fake.open("/elsewhere", O_PATH, 0)).isDirectory());
    }

    @Test
    void readsReturnTheScriptedPacketsThenEndOfFile() {
        fake.incoming(7, "pid 42", "ready");
        assertEquals("pid 42", new String(fake.read(7, 4096)));
        assertEquals("ready", new String(fake.read(7, 4096)));
        assertEquals(0, fake.read(7, 4096).length);
        assertEquals(List.of("read 7 4096 = \"pid 42\"", "read 7 4096 = \"ready\"", "read 7 4096 = \"\""),
                fake.transcript());
    }

    @Test
    void writesAreKeptPerDescriptor() {
        fake.writeFully(7, "continue".getBytes());
        fake.writeFully(8, new byte[] {1, 0, 0, 0});
        assertEquals(List.of("continue"), fake.written(7));
        assertEquals(List.of("write 7 \"continue\"", "write 8 <4 bytes>"), fake.transcript());
    }

    @Test
    void flagNamesFollowTheirBits() {
        assertEquals("O_WRONLY|O_CREAT|O_NOFOLLOW|O_CLOEXEC",
                RecordingSyscalls.openFlags(O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC));
        assertEquals("O_RDONLY", RecordingSyscalls.openFlags(O_RDONLY));
        assertEquals("RESOLVE_NO_SYMLINKS|RESOLVE_IN_ROOT",
                RecordingSyscalls.resolveFlags(RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS));
        assertEquals("MS_RDONLY|MS_BIND|MS_REC|0x80000000",
                RecordingSyscalls.mountFlags(MountFlags.MS_REC | MountFlags.MS_BIND | MountFlags.MS_RDONLY | 0x80000000L));
        assertEquals("0", RecordingSyscalls.mountFlags(0));
    }
}
