package dev.jrun.runtime;

import static dev.jrun.linux.helper.HelperProtocol.*;

import dev.jrun.linux.helper.TlvWriter;
import dev.jrun.plan.Plan;
import dev.jrun.plan.ProcessPlan;
import java.util.List;
import java.util.OptionalInt;

/** The bootstrap and hand-off records of docs/protocol.md, built from a plan. */
final class HelperMessages {

    private HelperMessages() {
    }

    /** What stage 0 needs to create (or join) the namespaces and start the init. */
    static byte[] bootstrap(Plan plan, List<String> initArgv, List<String> initEnv) {
        TlvWriter tlv = new TlvWriter().u32(CLONE_FLAGS, plan.cloneFlags());
        plan.joins().forEach(join -> tlv.namespacePath(join.cloneFlag(), join.path()));
        return tlv.strings(INIT_ARGV, initArgv).strings(INIT_ENV, initEnv).toByteArray();
    }

    /** What stage 0 of {@code exec} needs: the namespaces of a running container to join. */
    static byte[] joinOnly(List<Plan.NamespaceJoin> joins) {
        TlvWriter tlv = new TlvWriter().u32(CLONE_FLAGS, 0);
        joins.forEach(join -> tlv.namespacePath(join.cloneFlag(), join.path()));
        return tlv.toByteArray();
    }

    /**
     * What the hand-off stage needs to become the container process.
     *
     * @param seccomp    the compiled filter and its flags, when the profile has one
     * @param waitFifo   block on exec.fifo until {@code start} (create), or execute at once (exec)
     */
    static byte[] handoff(ProcessPlan process, java.util.Optional<CompiledSeccomp> seccomp, int preserveFds,
                          boolean unshareCgroup, boolean waitFifo, Console console) {
        ProcessPlan.CapabilityMasks caps = process.capabilities();
        TlvWriter tlv = new TlvWriter()
                .strings(ARGS, process.args())
                .strings(ENV, process.env())
                .string(CWD, process.cwd())
                .u32(UID, process.uid())
                .u32(GID, process.gid())
                .u32s(ADDITIONAL_GIDS, process.additionalGids())
                .u64s(CAPS, caps.bounding(), caps.effective(), caps.permitted(), caps.inheritable(), caps.ambient())
                .u32(NO_NEW_PRIVS, process.noNewPrivileges() ? 1 : 0)
                .u32(PRESERVE_FDS, preserveFds)
                .u32(UNSHARE_CGROUP, unshareCgroup ? 1 : 0)
                .u32(WAIT_FIFO, waitFifo ? 1 : 0);
        process.rlimits().forEach(r -> tlv.rlimit(r.resource(), r.soft(), r.hard()));
        process.apparmorProfile().ifPresent(profile -> tlv.string(APPARMOR, profile));
        process.selinuxLabel().ifPresent(label -> tlv.string(SELINUX, label));
        OptionalInt umask = process.umask();
        umask.ifPresent(mask -> tlv.u32(UMASK, mask));
        seccomp.ifPresent(filter -> tlv.bytes(SECCOMP_BPF, filter.bpf()).u32(SECCOMP_FLAGS, filter.flags()));
        if (console != Console.NONE) {
            tlv.u32(CONSOLE, console == Console.DEVICE ? CONSOLE_DEVICE : CONSOLE_PTY);
            process.consoleSize().ifPresent(size -> tlv.u32s(CONSOLE_SIZE, List.of(size.height(), size.width())));
        }
        return tlv.toByteArray();
    }

    /** Whether the process gets a pty, and whether it also becomes /dev/console (the init). */
    enum Console {
        NONE, PTY, DEVICE
    }

    /** A seccomp filter ready for the kernel. */
    record CompiledSeccomp(byte[] bpf, int flags) {
    }
}
