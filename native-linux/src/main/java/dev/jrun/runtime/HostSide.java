package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import dev.jrun.linux.seccomp.SeccompCompiler;
import dev.jrun.cgroups.CgroupLayout;
import dev.jrun.cgroups.CgroupPath;
import dev.jrun.cgroups.Cgroups;
import dev.jrun.plan.CgroupPlanner;
import dev.jrun.plan.ProcessPlan;
import dev.jrun.spec.ConfigException;
import dev.jrun.spec.HostFacts;
import dev.jrun.spec.Linux;
import dev.jrun.spec.Seccomp;
import dev.jrun.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/** What create does on the host, around the helper: id maps, cgroups, oom_score_adj, seccomp. */
final class HostSide {

    private final RuntimeContext context;
    private final long uid;
    private final long gid;

    HostSide(RuntimeContext context, long uid, long gid) {
        this.context = context;
        this.uid = uid;
        this.gid = gid;
    }

    boolean callerIsRoot() {
        return uid == 0;
    }

    /** What validation needs to know of this host: the caller, and the kernel's last capability. */
    HostFacts facts() {
        // One read from offset 0: a sysctl file answers a read at any other offset with end of
        // file, so Files.readString (which reads one byte first) would see only "4" of "40".
        try (java.io.InputStream in = Files.newInputStream(Path.of("/proc/sys/kernel/cap_last_cap"))) {
            byte[] buffer = new byte[32];
            int n = in.read(buffer);
            int lastCap = Integer.parseInt(new String(buffer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.US_ASCII).strip());
            return new HostFacts(callerIsRoot(), lastCap);
        } catch (IOException | NumberFormatException e) {
            return HostFacts.of(callerIsRoot());
        }
    }

    IdMapWriter idMaps() {
        return new IdMapWriter(callerIsRoot(), uid, gid);
    }

    /**
     * The container's cgroups, created when the init reports "handoff". An unprivileged caller
     * usually cannot write them: like runc, it goes without when the config sets no limit.
     */
    ContainerCreator.CgroupJoin cgroups(Spec spec, String id) {
        Linux linux = spec.linuxOrEmpty();
        if (!callerIsRoot() && linux.resources() == null) {
            return ContainerCreator.CgroupJoin.NONE;
        }
        Cgroups cgroups = new Cgroups(CgroupLayout.host(),
                CgroupPath.resolve(linux.cgroupsPath() == null ? "" : linux.cgroupsPath(), id, context.systemdCgroup()),
                CgroupPlanner.resources(linux.resources()));
        if (!cgroups.enforcesDeviceRules() && linux.resources() != null && !linux.resources().devices().isEmpty()) {
            context.log().warn("linux.resources.devices: not enforced on cgroup v2 yet");
        }
        return new ContainerCreator.CgroupJoin() {
            private Map<String, Path> joined = Map.of();

            @Override
            public void join(int pid) {
                joined = cgroups.join(pid);
            }

            @Override
            public Map<String, Path> paths() {
                return joined;
            }

            @Override
            public void destroyQuietly() {
                try {
                    Cgroups.destroy(joined);
                } catch (RuntimeException e) {
                    context.log().debug("remove cgroups: " + e.getMessage());
                }
            }
        };
    }

    /** libseccomp is loaded only for a container that has a profile. */
    Optional<HelperMessages.CompiledSeccomp> compileSeccomp(Optional<Seccomp> profile) {
        return profile.map(seccomp -> {
            SeccompCompiler.Compiled compiled = SeccompCompiler.compile(seccomp);
            return new HelperMessages.CompiledSeccomp(compiled.bpf(), compiled.flags());
        });
    }

    /**
     * A label the kernel cannot apply is refused before anything is created, rather than the
     * process running unconfined: the config asked for confinement.
     */
    void checkLabels(ProcessPlan process) {
        if (process.apparmorProfile().isPresent() && !appArmorEnabled()) {
            throw new ConfigException("config.json: process.apparmorProfile: AppArmor is not enabled on this host");
        }
        if (process.selinuxLabel().isPresent() && !Files.isDirectory(Path.of("/sys/fs/selinux"))) {
            throw new ConfigException("config.json: process.selinuxLabel: SELinux is not enabled on this host");
        }
    }

    private static boolean appArmorEnabled() {
        try {
            return Files.readString(Path.of("/sys/module/apparmor/parameters/enabled")).startsWith("Y");
        } catch (IOException e) {
            return false;
        }
    }

    /** Written from the host's /proc, which the container cannot have replaced. */
    void writeOomScoreAdj(int pid, int score) {
        Path file = Path.of("/proc", Integer.toString(pid), "oom_score_adj");
        try {
            Files.writeString(file, Integer.toString(score), StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RuntimeFailure("write " + file + ": " + IoErrors.reason(e));
        }
    }

    RuntimeContext context() {
        return context;
    }
}
