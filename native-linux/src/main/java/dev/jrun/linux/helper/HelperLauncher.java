package dev.jrun.linux.helper;

import static dev.jrun.linux.helper.HelperProtocol.*;

import dev.jrun.linux.Syscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Starts jrun-nsexec from a sealed memfd copy of itself (so that no process in a container can
 * reach a host binary through /proc/PID/exe, CVE-2019-5736), with the protocol's descriptors at
 * their fixed numbers.
 */
public final class HelperLauncher {

    private static final int MFD_CLOEXEC = 1;
    private static final int MFD_ALLOW_SEALING = 2;
    private static final int F_SEAL_SEAL = 1;
    private static final int F_SEAL_SHRINK = 2;
    private static final int F_SEAL_GROW = 4;
    private static final int F_SEAL_WRITE = 8;

    /**
     * What the helper reads: the bootstrap, and for create the init plan and the exec.fifo; the
     * console socket when the process gets a terminal.
     */
    public record Inputs(byte[] bootstrap, byte[] initPlan, byte[] handoff, OptionalInt fifoFd,
                         OptionalInt consoleFd) {
    }

    /** A started helper: its pid (stage 0, which exits once it has forked) and our end of the sync socket. */
    public record Started(int pid, SyncSocket sync) {
    }

    private final Syscalls syscalls;
    private final Path helperBinary;

    public HelperLauncher(Syscalls syscalls, Path helperBinary) {
        this.syscalls = syscalls;
        this.helperBinary = helperBinary;
    }

    /** The helper of an installed jrun: $jrun.home/libexec/jrun-nsexec, or the jrun.nsexec property. */
    public static Path installedHelper() {
        String explicit = System.getProperty("jrun.nsexec");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String home = System.getProperty("jrun.home");
        if (home == null) {
            throw new IllegalStateException("jrun.home is not set: start jrun through its launcher");
        }
        return Path.of(home, "libexec", "jrun-nsexec");
    }

    public Started launch(Stage stage, Inputs inputs) {
        List<Integer> opened = new ArrayList<>();
        try {
            int exe = track(opened, sealedCopy());
            int[] socket = syscalls.socketpair(Syscalls.AF_UNIX, Syscalls.SOCK_SEQPACKET);
            opened.add(socket[1]);
            try {
                Map<Integer, Integer> dup2 = new LinkedHashMap<>();
                dup2.put(exe, FD_EXE);
                dup2.put(socket[1], FD_SYNC);
                dup2.put(track(opened, memfd("jrun-bootstrap", inputs.bootstrap())), FD_BOOTSTRAP);
                dup2.put(track(opened, memfd("jrun-initplan", inputs.initPlan())), FD_INITPLAN);
                dup2.put(track(opened, memfd("jrun-handoff", inputs.handoff())), FD_HANDOFF);
                inputs.fifoFd().ifPresent(fd -> dup2.put(fd, FD_FIFO));
                inputs.consoleFd().ifPresent(fd -> dup2.put(fd, FD_CONSOLE));
                int pid = syscalls.spawn("/proc/self/fd/" + FD_EXE, List.of("jrun-nsexec", stage.word()), List.of(),
                        dup2);
                return new Started(pid, new SyncSocket(syscalls, socket[0]));
            } catch (RuntimeException e) {
                syscalls.close(socket[0]);
                throw e;
            }
        } finally {
            opened.forEach(syscalls::close);
        }
    }

    private int sealedCopy() {
        byte[] binary;
        try {
            binary = Files.readAllBytes(helperBinary);
        } catch (IOException e) {
            throw new UncheckedIOException("read " + helperBinary, e);
        }
        int fd = syscalls.memfdCreate("jrun-nsexec", MFD_CLOEXEC | MFD_ALLOW_SEALING);
        try {
            syscalls.writeFully(fd, binary);
            syscalls.addSeals(fd, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE);
            return fd;
        } catch (RuntimeException e) {
            syscalls.close(fd);
            throw e;
        }
    }

    private int memfd(String name, byte[] content) {
        int fd = syscalls.memfdCreate(name, MFD_CLOEXEC);
        try {
            syscalls.writeFully(fd, content);
            return fd;
        } catch (RuntimeException e) {
            syscalls.close(fd);
            throw e;
        }
    }

    private static int track(List<Integer> opened, int fd) {
        opened.add(fd);
        return fd;
    }
}
