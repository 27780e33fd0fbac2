package dev.jrun.linux.init;

import static dev.jrun.plan.MountFlags.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.linux.Errno;
import dev.jrun.linux.FileStat;
import dev.jrun.linux.FsStat;
import dev.jrun.linux.RecordingSyscalls;
import dev.jrun.plan.ContainerPath;
import dev.jrun.plan.DeviceNode;
import dev.jrun.plan.InitPlan;
import dev.jrun.plan.MountStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The mount plan executed against the recording fake: what is opened, how, and in which order. */
class MountExecutorTest {

    private static final int ENOSPC = 28;
    private static final int EROFS = 30;
    private static final String IN_ROOT = "O_PATH|O_CLOEXEC RESOLVE_IN_ROOT";
    private static final String NO_LINKS = "O_PATH|O_CLOEXEC RESOLVE_NO_SYMLINKS|RESOLVE_IN_ROOT";
    private static final long ST_RDONLY = 1;
    private static final long ST_NOSUID = 2;
    private static final long ST_NODEV = 4;
    private static final long ST_NOEXEC = 8;
    private static final long ST_RELATIME = 4096;

    private static final FileStat NULL_DEVICE = new FileStat(5, 6, 0020666, FileStat.makedev(1, 3), 0);
    private static final FileStat REGULAR_FILE = new FileStat(5, 7, 0100644, 0, 12);

    private final RecordingSyscalls fake = new RecordingSyscalls();
    private final int root = fake.descriptor("/rootfs");

    private static ContainerPath path(String value) {
        return ContainerPath.of(value);
    }

    private static InitPlan plan(boolean userNamespace, List<MountStep> steps) {
        return new InitPlan("/rootfs", MS_SLAVE | MS_REC, userNamespace, steps, Map.of(), Optional.empty(),
                Optional.empty(), false, false);
    }

    private void run(MountStep... steps) {
        new MountExecutor(fake, plan(false, List.of(steps)), new Rootfs(fake, root)).run();
    }

    private void runInUserNamespace(MountStep... steps) {
        new MountExecutor(fake, plan(true, List.of(steps)), new Rootfs(fake, root)).run();
    }

    private String failure(MountStep... steps) {
        return assertThrows(InitException.class, () -> run(steps)).getMessage();
    }

    // bind mounts

    @Test
    void aBindOpensTheSourceMountsByDescriptorThenRemountsWithTheLockedFlags() {
        fake.statfs("/rootfs/data", new FsStat(0, ST_NODEV | ST_RELATIME));
        run(new MountStep.Mount("/host/data", path("/data"), "", MS_BIND | MS_REC | MS_RDONLY | MS_NOSUID, 0, ""));
        assertEquals(List.of(
                "open /host/data O_PATH|O_CLOEXEC = 4",
                "fstat 4",
                "openat2 3 . " + IN_ROOT + " = 5",
                "openat2 3 data " + IN_ROOT + " = 6",
                "close 5",
                "mount /proc/self/fd/4 -> /proc/self/fd/6 type=\"\" flags=MS_BIND|MS_REC",
                "close 6",
                "close 4",
                "openat2 3 data " + IN_ROOT + " = 7",
                "fstatfs 7",
                "mount \"\" -> /proc/self/fd/7 type=\"\" flags=MS_RDONLY|MS_NOSUID|MS_NODEV|MS_REMOUNT|MS_BIND|MS_RELATIME",
                "close 7"), fake.transcript());
        assertEquals(Set.of(root), fake.openDescriptors());
    }

    @Test
    void aBindOfAFileCreatesAnEmptyFileAsItsTarget() {
        fake.stat("/host/hosts", REGULAR_FILE);
        fake.absent("/rootfs/etc/hosts");
        run(new MountStep.Mount("/host/hosts", path("/etc/hosts"), "", MS_BIND, 0, ""));
        assertEquals(List.of(
                "open /host/hosts O_PATH|O_CLOEXEC = 4",
                "fstat 4",
                "openat2 3 etc/hosts " + IN_ROOT + " = -1 ENOENT",
                "openat2 3 . " + IN_ROOT + " = 5",
                "openat2 3 etc " + IN_ROOT + " = 6",
                "close 5",
                "openat 6 hosts O_WRONLY|O_CREAT|O_NOFOLLOW|O_CLOEXEC 0644 = 7",
                "close 7",
                "close 6",
                "openat2 3 etc/hosts " + IN_ROOT + " = 8",
                "mount /proc/self/fd/4 -> /proc/self/fd/8 type=\"\" flags=MS_BIND",
                "close 8",
                "close 4"), fake.transcript());
    }

    @Test
    void aBindOfADirectoryCreatesADirectoryAsItsTarget() {
        fake.absent("/rootfs/data");
        run(new MountStep.Mount("/host/data", path("/data"), "", MS_BIND, 0, ""));
        assertEquals(List.of("mkdirat 5 data 0755"), fake.calls("mkdirat"));
        assertEquals(List.of(), fake.calls("openat"));
        assertEquals(List.of("mount /proc/self/fd/4 -> /proc/self/fd/6 type=\"\" flags=MS_BIND"), fake.calls("mount"));
    }

    @Test
    void aPlainBindIsNotRemounted() {
        run(new MountStep.Mount("/host/data", path("/data"), "", MS_BIND | MS_REC, 0, ""));
        assertEquals(1, fake.calls("mount").size());
        assertEquals(List.of(), fake.calls("fstatfs"));
    }

    @Test
    void aBindWithAPropagationSetsItLastOnTheMountedTarget() {
        run(new MountStep.Mount("/host/data", path("/data"), "", MS_BIND | MS_REC | MS_RDONLY, MS_PRIVATE | MS_REC, ""));
        assertEquals(List.of(
                "mount /proc/self/fd/4 -> /proc/self/fd/6 type=\"\" flags=MS_BIND|MS_REC",
                "mount \"\" -> /proc/self/fd/7 type=\"\" flags=MS_RDONLY|MS_REMOUNT|MS_BIND",
                "mount \"\" -> /proc/self/fd/8 type=\"\" flags=MS_REC|MS_PRIVATE"), fake.calls("mount"));
        assertEquals("/rootfs/data", fake.nameOf(8));
    }

    @Test
    void aMissingBindSourceNamesTheMount() {
        fake.failWhen("open /host/data", Errno.ENOENT);
        assertEquals("mount /host/data on /data: no such file or directory",
                failure(new MountStep.Mount("/host/data", path("/data"), "", MS_BIND, 0, "")));
        assertEquals(List.of(), fake.calls("mount"));
    }

    @Test
    void aRefusedRemountNamesTheMount() {
        fake.failWhen(line -> line.startsWith("mount \"\""), Errno.EPERM);
        assertEquals("mount /host/data on /data: operation not permitted",
                failure(new MountStep.Mount("/host/data", path("/data"), "", MS_BIND | MS_RDONLY, 0, "")));
    }

    // filesystems

    @Test
    void procIsMountedOnADirectoryResolvedWithoutSymlinks() {
        run(new MountStep.Mount("proc", path("/proc"), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, 0, ""));
        assertEquals(List.of(
                "openat2 3 . " + IN_ROOT + " = 4",
                "openat2 3 proc " + IN_ROOT + " = 5",
                "close 4",
                "close 5",
                "openat2 3 proc " + NO_LINKS + " = 6",
                "mount proc -> /proc/self/fd/6 type=proc flags=MS_NOSUID|MS_NODEV|MS_NOEXEC",
                "close 6"), fake.transcript());
    }

    @Test
    void procThroughASymlinkIsRefused() {
        fake.failWhen("openat2 3 proc " + NO_LINKS, Errno.ELOOP);
        assertEquals("mount proc on /proc: too many levels of symbolic links",
                failure(new MountStep.Mount("proc", path("/proc"), "proc", 0, 0, "")));
        assertEquals(List.of(), fake.calls("mount"));
    }

    @Test
    void sysfsIsResolvedWithoutSymlinksToo() {
        run(new MountStep.Mount("sysfs", path("/sys"), "sysfs", MS_RDONLY, 0, ""));
        int target = fake.indexOf("mount sysfs");
        assertEquals("openat2 3 sys " + NO_LINKS + " = 6", fake.transcript().get(target - 1));
    }

    @Test
    void otherFilesystemsGetTheirDataAndMayBeReachedThroughALinkInsideTheRoot() {
        run(new MountStep.Mount("tmpfs", path("/dev"), "tmpfs", MS_NOSUID | MS_STRICTATIME, 0, "mode=755,size=65536k"));
        int target = fake.indexOf("mount tmpfs");
        assertEquals("openat2 3 dev " + IN_ROOT + " = 6", fake.transcript().get(target - 1));
        assertEquals("mount tmpfs -> /proc/self/fd/6 type=tmpfs flags=MS_NOSUID|MS_STRICTATIME data=mode=755,size=65536k",
                fake.transcript().get(target));
    }

    @Test
    void aMissingMountPointIsCreated() {
        fake.absent("/rootfs/dev/mqueue");
        run(new MountStep.Mount("mqueue", path("/dev/mqueue"), "mqueue", 0, 0, ""));
        assertEquals(List.of("mkdirat 5 mqueue 0755"), fake.calls("mkdirat"));
        assertTrue(fake.indexOf("mkdirat") < fake.indexOf("mount mqueue"));
    }

    @Test
    void sysfsRefusedInAUserNamespaceBecomesABindOfTheHostsSysMadeReadOnly() {
        fake.failWhen("mount sysfs", Errno.EPERM);
        runInUserNamespace(new MountStep.Mount("sysfs", path("/sys"), "sysfs",
                MS_NOSUID | MS_NOEXEC | MS_NODEV | MS_RDONLY, 0, ""));
        assertEquals(List.of(
                "openat2 3 . " + IN_ROOT + " = 4",
                "openat2 3 sys " + IN_ROOT + " = 5",
                "close 4",
                "close 5",
                "openat2 3 sys " + NO_LINKS + " = 6",
                "mount sysfs -> /proc/self/fd/6 type=sysfs flags=MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC = -1 EPERM",
                "mount /sys -> /proc/self/fd/6 type=\"\" flags=MS_BIND|MS_REC",
                "close 6",
                "openat2 3 sys " + IN_ROOT + " = 7",
                "fstatfs 7",
                "mount \"\" -> /proc/self/fd/7 type=\"\" flags=MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC|MS_REMOUNT|MS_BIND",
                "close 7"), fake.transcript());
    }

    @Test
    void aFreshReadOnlySysfsInAUserNamespaceIsLeftAlone() {
        fake.statfs("/rootfs/sys", new FsStat(FsStat.SYSFS_MAGIC, ST_RDONLY | ST_NOSUID));
        runInUserNamespace(new MountStep.Mount("sysfs", path("/sys"), "sysfs", MS_NOSUID | MS_RDONLY, 0, ""));
        assertEquals(List.of("mount sysfs -> /proc/self/fd/6 type=sysfs flags=MS_RDONLY|MS_NOSUID"), fake.calls("mount"));
    }

    @Test
    void sysfsRefusedOutsideAUserNamespaceIsAnError() {
        fake.failWhen("mount sysfs", Errno.EPERM);
        assertEquals("mount sysfs on /sys: operation not permitted",
                failure(new MountStep.Mount("sysfs", path("/sys"), "sysfs", MS_RDONLY, 0, "")));
        assertEquals(1, fake.calls("mount").size());
    }

    @Test
    void onlyEpermMakesSysfsFallBack() {
        fake.failWhen("mount sysfs", Errno.EBUSY);
        InitException e = assertThrows(InitException.class, () -> runInUserNamespace(
                new MountStep.Mount("sysfs", path("/sys"), "sysfs", MS_RDONLY, 0, "")));
        assertEquals("mount sysfs on /sys: device or resource busy", e.getMessage());
        assertEquals(1, fake.calls("mount").size());
    }

    @Test
    void otherFilesystemsRefusedInAUserNamespaceAreErrors() {
        fake.failWhen("mount proc", Errno.EPERM);
        InitException e = assertThrows(InitException.class, () -> runInUserNamespace(
                new MountStep.Mount("proc", path("/proc"), "proc", 0, 0, "")));
        assertEquals("mount proc on /proc: operation not permitted", e.getMessage());
    }

    @Test
    void aMountWithoutSourceIsNamedByItsType() {
        fake.failWhen("mount \"\"", Errno.ENOENT);
        assertEquals("mount mqueue on /dev/mqueue: no such file or directory",
                failure(new MountStep.Mount("", path("/dev/mqueue"), "mqueue", 0, 0, "")));
    }

    // masked paths

    @Test
    void maskingBindsOneVerifiedDevNullOverFilesAndAReadOnlyTmpfsOverDirectories() {
        fake.stat("/rootfs/dev/null", NULL_DEVICE);
        fake.stat("/rootfs/proc/kcore", REGULAR_FILE);
        fake.absent("/rootfs/proc/scsi");
        run(new MountStep.Mask(path("/proc/kcore")), new MountStep.Mask(path("/proc/acpi")),
                new MountStep.Mask(path("/proc/scsi")), new MountStep.Mask(path("/proc/keys")));
        assertEquals(List.of(
                "openat2 3 dev/null " + NO_LINKS + " = 4",
                "fstat 4",
                "openat2 3 proc/kcore " + IN_ROOT + " = 5",
                "fstat 5",
                "mount /proc/self/fd/4 -> /proc/self/fd/5 type=\"\" flags=MS_BIND",
                "close 5",
                "openat2 3 proc/acpi " + IN_ROOT + " = 6",
                "fstat 6",
                "mount tmpfs -> /proc/self/fd/6 type=tmpfs flags=MS_RDONLY",
                "close 6",
                "openat2 3 proc/scsi " + IN_ROOT + " = -1 ENOENT",
                "openat2 3 proc/keys " + IN_ROOT + " = 7",
                "fstat 7",
                "mount tmpfs -> /proc/self/fd/7 type=tmpfs flags=MS_RDONLY",
                "close 7"), fake.transcript());
    }

    @Test
    void devNullIsOpenedOnceForSeveralMaskedFiles() {
        fake.stat("/rootfs/dev/null", NULL_DEVICE);
        Stream.of("/rootfs/proc/kcore", "/rootfs/proc/keys", "/rootfs/proc/timer_list")
                .forEach(file -> fake.stat(file, REGULAR_FILE));
        run(new MountStep.Mask(path("/proc/kcore")), new MountStep.Mask(path("/proc/keys")),
                new MountStep.Mask(path("/proc/timer_list")));
        assertEquals(1, fake.transcript().stream().filter(line -> line.startsWith("openat2 3 dev/null")).count());
        assertEquals(List.of(
                "mount /proc/self/fd/4 -> /proc/self/fd/5 type=\"\" flags=MS_BIND",
                "mount /proc/self/fd/4 -> /proc/self/fd/6 type=\"\" flags=MS_BIND",
                "mount /proc/self/fd/4 -> /proc/self/fd/7 type=\"\" flags=MS_BIND"), fake.calls("mount"));
    }

    static Stream<Arguments> notTheNullDevice() {
        return Stream.of(
                Arguments.of("a regular file", REGULAR_FILE),
                Arguments.of("a directory", new FileStat(5, 8, 0040755, 0, 4096)),
                Arguments.of("/dev/zero", new FileStat(5, 9, 0020666, FileStat.makedev(1, 5), 0)),
                Arguments.of("a character device 3:1", new FileStat(5, 9, 0020666, FileStat.makedev(3, 1), 0)),
                Arguments.of("a block device 1:3", new FileStat(5, 9, 0060666, FileStat.makedev(1, 3), 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheNullDevice")
    void aDevNullThatIsNotTheNullDeviceIsRefusedBeforeAnythingIsMasked(String what, FileStat stat) {
        fake.stat("/rootfs/dev/null", stat);
        assertEquals("/dev/null in the container is not the null device (1:3): refusing to mask with it",
                failure(new MountStep.Mask(path("/proc/kcore"))));
        assertEquals(List.of(), fake.calls("mount"));
        assertEquals(Set.of(root), fake.openDescriptors());
    }

    @Test
    void aMissingDevNullIsAnErrorEvenWhenNothingIsLeftToMask() {
        fake.absent("/rootfs/dev/null", "/rootfs/proc/kcore");
        assertEquals("open /dev/null to mask paths: no such file or directory",
                failure(new MountStep.Mask(path("/proc/kcore"))));
    }

    @Test
    void aDevNullThatIsASymlinkIsRefused() {
        fake.failWhen("openat2 3 dev/null " + NO_LINKS, Errno.ELOOP);
        assertEquals("open /dev/null to mask paths: too many levels of symbolic links",
                failure(new MountStep.Mask(path("/proc/kcore"))));
    }

    @Test
    void aMaskedPathThatCannotBeOpenedIsAnError() {
        fake.stat("/rootfs/dev/null", NULL_DEVICE);
        fake.failWhen("openat2 3 proc/kcore", Errno.EACCES);
        assertEquals("mask /proc/kcore: permission denied", failure(new MountStep.Mask(path("/proc/kcore"))));
    }

    @Test
    void aRefusedMaskMountIsAnError() {
        fake.stat("/rootfs/dev/null", NULL_DEVICE);
        fake.failWhen("mount tmpfs", Errno.EPERM);
        assertEquals("mask /sys/firmware: operation not permitted", failure(new MountStep.Mask(path("/sys/firmware"))));
    }

    @Test
    void withoutMaskedPathsDevNullIsNeverOpened() {
        run(new MountStep.ReadOnly(path("/proc/sys")));
        assertEquals(-1, fake.indexOf("openat2 3 dev/null"));
    }

    // read-only paths

    @Test
    void aReadOnlyPathIsBoundOntoItselfThenRemountedReadOnlyKeepingItsLockedFlags() {
        fake.statfs("/rootfs/proc/sys", new FsStat(FsStat.PROC_SUPER_MAGIC, ST_NOSUID | ST_NODEV | ST_NOEXEC));
        run(new MountStep.ReadOnly(path("/proc/sys")));
        assertEquals(List.of(
                "openat2 3 proc/sys " + IN_ROOT + " = 4",
                "mount /proc/self/fd/4 -> /proc/self/fd/4 type=\"\" flags=MS_BIND|MS_REC",
                "close 4",
                "openat2 3 proc/sys " + IN_ROOT + " = 5",
                "fstatfs 5",
                "mount \"\" -> /proc/self/fd/5 type=\"\" flags=MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC|MS_REMOUNT|MS_BIND",
                "close 5"), fake.transcript());
    }

    @Test
    void aMissingReadOnlyPathIsSkipped() {
        fake.absent("/rootfs/proc/sysrq-trigger");
        run(new MountStep.ReadOnly(path("/proc/sysrq-trigger")), new MountStep.ReadOnly(path("/proc/bus")));
        assertEquals(List.of(
                "mount /proc/self/fd/4 -> /proc/self/fd/4 type=\"\" flags=MS_BIND|MS_REC",
                "mount \"\" -> /proc/self/fd/5 type=\"\" flags=MS_RDONLY|MS_REMOUNT|MS_BIND"), fake.calls("mount"));
        assertEquals("/rootfs/proc/bus", fake.nameOf(4));
    }

    @Test
    void aReadOnlyPathThatCannotBeBoundIsAnError() {
        fake.failWhen("mount /proc/self/fd/4", Errno.EINVAL);
        assertEquals("make /proc/sys read-only: invalid argument", failure(new MountStep.ReadOnly(path("/proc/sys"))));
    }

    // devices and links

    @Test
    void deviceNodesAreMadeWithTheirTypeModeNumbersAndOwner() {
        run(new MountStep.Devices(List.of(
                new DeviceNode(path("/dev/null"), 'c', 1, 3, 0666, 0, 0),
                new DeviceNode(path("/dev/nvme0n1"), 'b', 259, 300, 0660, 1000, 6),
                new DeviceNode(path("/dev/fifo"), 'p', 0, 0, 0600, 1000, 1000)), false));
        assertEquals(List.of(
                "openat2 3 . " + IN_ROOT + " = 4",
                "openat2 3 dev " + IN_ROOT + " = 5",
                "close 4",
                "mknodat 5 null c 0666 1:3",
                "lchownat 5 null 0:0",
                "close 5",
                "openat2 3 . " + IN_ROOT + " = 6",
                "openat2 3 dev " + IN_ROOT + " = 7",
                "close 6",
                "mknodat 7 nvme0n1 b 0660 259:300",
                "lchownat 7 nvme0n1 1000:6",
                "close 7",
                "openat2 3 . " + IN_ROOT + " = 8",
                "openat2 3 dev " + IN_ROOT + " = 9",
                "close 8",
                "mknodat 9 fifo p 0600 0:0",
                "lchownat 9 fifo 1000:1000",
                "close 9"), fake.transcript());
    }

    @Test
    void aNodeBelowAMissingDirectoryGetsItsDirectory() {
        fake.absent("/rootfs/dev/net");
        run(new MountStep.Devices(List.of(new DeviceNode(path("/dev/net/tun"), 'c', 10, 200, 0666, 0, 0)), false));
        assertEquals(List.of("mkdirat 5 net 0755"), fake.calls("mkdirat"));
        assertEquals(List.of("mknodat 6 tun c 0666 10:200"), fake.calls("mknodat"));
    }

    @Test
    void anExistingNodeIsKeptAndStillChowned() {
        fake.failWhen("mknodat 5 null", Errno.EEXIST);
        run(new MountStep.Devices(List.of(
                new DeviceNode(path("/dev/null"), 'c', 1, 3, 0666, 0, 0),
                new DeviceNode(path("/dev/zero"), 'c', 1, 5, 0666, 0, 0)), false));
        assertEquals(List.of("lchownat 5 null 0:0", "lchownat 7 zero 0:0"), fake.calls("lchownat"));
    }

    @Test
    void aNodeThatCannotBeMadeIsAnError() {
        fake.failWhen("mknodat", Errno.EPERM);
        assertEquals("create device /dev/null: operation not permitted", failure(
                new MountStep.Devices(List.of(new DeviceNode(path("/dev/null"), 'c', 1, 3, 0666, 0, 0)), false)));
    }

    @Test
    void inAUserNamespaceDevicesAreBoundFromTheHost() {
        fake.absent("/rootfs/dev/null");
        run(new MountStep.Devices(List.of(new DeviceNode(path("/dev/null"), 'c', 1, 3, 0666, 0, 0),
                new DeviceNode(path("/dev/zero"), 'c', 1, 5, 0666, 0, 0)), true));
        assertEquals(List.of(
                "openat2 3 dev/null " + IN_ROOT + " = -1 ENOENT",
                "openat2 3 . " + IN_ROOT + " = 4",
                "openat2 3 dev " + IN_ROOT + " = 5",
                "close 4",
                "openat 5 null O_WRONLY|O_CREAT|O_NOFOLLOW|O_CLOEXEC 0644 = 6",
                "close 6",
                "close 5",
                "openat2 3 dev/null " + IN_ROOT + " = 7",
                "mount /dev/null -> /proc/self/fd/7 type=\"\" flags=MS_BIND",
                "close 7",
                "openat2 3 dev/zero " + IN_ROOT + " = 8",
                "mount /dev/zero -> /proc/self/fd/8 type=\"\" flags=MS_BIND",
                "close 8"), fake.transcript());
        assertEquals(List.of(), fake.calls("mknodat"));
        assertEquals(List.of(), fake.calls("lchownat"));
    }

    @Test
    void aDeviceThatCannotBeBoundIsAnError() {
        fake.failWhen("mount /dev/null", Errno.ENOENT);
        assertEquals("create device /dev/null: no such file or directory", failure(
                new MountStep.Devices(List.of(new DeviceNode(path("/dev/null"), 'c', 1, 3, 0666, 0, 0)), true)));
    }

    @Test
    void aSymlinkIsMadeInItsDirectoryAndAnExistingOneKept() {
        fake.failWhen("symlinkat 7 stdin", Errno.EEXIST);
        run(new MountStep.Symlink("/proc/self/fd", path("/dev/fd")),
                new MountStep.Symlink("/proc/self/fd/0", path("/dev/stdin")));
        assertEquals(List.of(
                "openat2 3 . " + IN_ROOT + " = 4",
                "openat2 3 dev " + IN_ROOT + " = 5",
                "close 4",
                "symlinkat 5 fd -> /proc/self/fd",
                "close 5",
                "openat2 3 . " + IN_ROOT + " = 6",
                "openat2 3 dev " + IN_ROOT + " = 7",
                "close 6",
                "symlinkat 7 stdin -> /proc/self/fd/0 = -1 EEXIST",
                "close 7"), fake.transcript());
    }

    @Test
    void aSymlinkThatCannotBeMadeIsAnError() {
        fake.failWhen("symlinkat", EROFS);
        assertEquals("create symlink /dev/ptmx: read-only file system",
                failure(new MountStep.Symlink("pts/ptmx", path("/dev/ptmx"))));
    }

    // the whole plan

    private static List<MountStep> defaultLikePlan() {
        return List.of(
                new MountStep.Mount("proc", path("/proc"), "proc", 0, 0, ""),
                new MountStep.Mount("tmpfs", path("/dev"), "tmpfs", MS_NOSUID, 0, "mode=755"),
                new MountStep.Devices(List.of(new DeviceNode(path("/dev/null"), 'c', 1, 3, 0666, 0, 0)), false),
                new MountStep.Symlink("/proc/self/fd", path("/dev/fd")),
                new MountStep.ReadOnly(path("/proc/sys")),
                new MountStep.ReadOnly(path("/proc/bus")),
                new MountStep.Mask(path("/proc/kcore")),
                new MountStep.Mask(path("/proc/acpi")));
    }

    @Test
    void stepsRunInThePlansOrder() {
        fake.stat("/rootfs/dev/null", NULL_DEVICE);
        fake.stat("/rootfs/proc/kcore", REGULAR_FILE);
        new MountExecutor(fake, plan(false, defaultLikePlan()), new Rootfs(fake, root)).run();
        List<String> mounts = fake.calls("mount");
        assertEquals(8, mounts.size(), mounts.toString());
        assertTrue(fake.indexOf("mount proc") < fake.indexOf("mount tmpfs -> /proc/self/fd/"));
        assertTrue(fake.indexOf("mount tmpfs") < fake.indexOf("mknodat"), "devices after the tmpfs on /dev");
        assertTrue(fake.indexOf("mknodat") < fake.indexOf("symlinkat"));
        assertTrue(mounts.get(4).endsWith("flags=MS_BIND|MS_REC"), mounts.get(4));
        assertTrue(mounts.get(5).endsWith("flags=MS_RDONLY|MS_REMOUNT|MS_BIND"), mounts.get(5));
        int lastReadOnlyRemount = fake.transcript().indexOf(mounts.get(5));
        int firstMask = fake.transcript().indexOf(mounts.get(6));
        assertTrue(lastReadOnlyRemount < firstMask, "every read-only path before the first mask");
        assertTrue(fake.indexOf("openat2 3 dev/null") > fake.indexOf("mknodat"), "/dev/null opened once it exists");
        assertEquals(Set.of(root, fake.lastOpened("/rootfs/dev/null")), fake.openDescriptors(),
                "only the verified /dev/null stays open (close-on-exec)");
    }

    @Test
    void eachRemountFollowsItsOwnBind() {
        fake.stat("/rootfs/dev/null", NULL_DEVICE);
        new MountExecutor(fake, plan(false, defaultLikePlan()), new Rootfs(fake, root)).run();
        List<String> transcript = fake.transcript();
        for (String path : List.of("proc/sys", "proc/bus")) {
            int bindTarget = fake.lastOpened("/rootfs/" + path) - 1;
            int bind = transcript.indexOf("mount /proc/self/fd/" + bindTarget + " -> /proc/self/fd/" + bindTarget
                    + " type=\"\" flags=MS_BIND|MS_REC");
            int remount = transcript.indexOf("mount \"\" -> /proc/self/fd/" + (bindTarget + 1)
                    + " type=\"\" flags=MS_RDONLY|MS_REMOUNT|MS_BIND");
            // bind, close, open the new mount, fstatfs, remount
            assertTrue(bind >= 0 && remount == bind + 4, path + ": bind at " + bind + ", remount at " + remount);
        }
    }

    @Test
    void aFailedStepStopsThePlan() {
        fake.failWhen("mount tmpfs", ENOSPC);
        assertThrows(InitException.class,
                () -> new MountExecutor(fake, plan(false, defaultLikePlan()), new Rootfs(fake, root)).run());
        assertEquals(-1, fake.indexOf("mknodat"));
        assertEquals(-1, fake.indexOf("openat2 3 dev/null"));
    }
}
