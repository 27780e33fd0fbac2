package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import dev.jrun.linux.Syscalls;
import dev.jrun.linux.helper.HelperLauncher;
import dev.jrun.linux.helper.HelperProtocol.Stage;
import dev.jrun.linux.helper.SyncSocket;
import dev.jrun.plan.NamespaceFlags;
import dev.jrun.plan.Plan;
import dev.jrun.plan.Planner;
import dev.jrun.plan.ProcessPlan;
import dev.jrun.spec.IdMapping;
import dev.jrun.spec.Namespace;
import dev.jrun.spec.Process;
import dev.jrun.spec.Spec;
import dev.jrun.state.ContainerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

/**
 * {@code exec}: a new process in a running container. No JVM enters the container: the helper
 * joins the init's namespaces with setns, forks into its PID namespace and runs the same hand-off
 * stage as the init did, in the container's cgroups.
 */
final class ContainerExec {

    private final Syscalls syscalls;
    private final HostSide hostSide;

    ContainerExec(Syscalls syscalls, HostSide hostSide) {
        this.syscalls = syscalls;
        this.hostSide = hostSide;
    }

    /**
     * Starts the process; returns its pid once it has been executed.
     *
     * @param localConsole makes the socket for the pty master when the process has a terminal and
     *                     no --console-socket was given (jrun stays in the foreground)
     */
    int start(ContainerState container, Spec spec, ExecOptions options, Optional<IntSupplier> localConsole) {
        Process process = ExecProcess.of(options, spec.process());
        ProcessPlan plan = Planner.process(process, spec.linuxOrEmpty().seccomp());
        hostSide.checkLabels(plan);
        Optional<HelperMessages.CompiledSeccomp> seccomp = hostSide.compileSeccomp(plan.seccomp());
        OptionalInt console = console(process.terminal(), options, localConsole);
        HelperLauncher.Started helper;
        try {
            helper = new HelperLauncher(syscalls, HelperLauncher.installedHelper()).launch(
                    Stage.EXEC, new HelperLauncher.Inputs(
                            HelperMessages.joinOnly(joins(container.initPid(), spec)), new byte[0],
                            HelperMessages.handoff(plan, seccomp, options.preserveFds(), false, false,
                                    console.isPresent() ? HelperMessages.Console.PTY : HelperMessages.Console.NONE),
                            OptionalInt.empty(), console));
        } finally {
            console.ifPresent(syscalls::close);
        }
        try (SyncSocket sync = helper.sync()) {
            InitConversation.Host host = new InitConversation.Host() {
                @Override
                public void writeIdMaps(int pid, List<IdMapping> uidMappings, List<IdMapping> gidMappings) {
                    throw new RuntimeFailure("exec: the helper asked for id maps while joining namespaces");
                }

                @Override
                public void beforeHandoff(int pid) {
                    enterCgroups(container.cgroupPaths(), pid);
                }
            };
            return new InitConversation(sync, host, List.of(), List.of()).untilReady(pid -> { });
        } finally {
            syscalls.waitpid(helper.pid());
        }
    }

    private OptionalInt console(boolean terminal, ExecOptions options, Optional<IntSupplier> localConsole) {
        if (!terminal) {
            return OptionalInt.empty();
        }
        if (options.consoleSocket().isPresent()) {
            return OptionalInt.of(syscalls.connectUnix(options.consoleSocket().get().toString()));
        }
        if (localConsole.isEmpty()) {
            throw new RuntimeFailure("exec --tty: a terminal needs --console-socket when jrun does not stay in the foreground");
        }
        return OptionalInt.of(localConsole.get().getAsInt());
    }

    /** Every namespace the container has that is not the host's, entered through its init. */
    private static List<Plan.NamespaceJoin> joins(int initPid, Spec spec) {
        return spec.linuxOrEmpty().namespaces().stream()
                .map(Namespace::type)
                .map(type -> new Plan.NamespaceJoin(NamespaceFlags.BY_TYPE.get(type),
                        "/proc/" + initPid + "/ns/" + NamespaceFlags.PROC_NAME.get(type)))
                .toList();
    }

    private static void enterCgroups(Map<String, Path> paths, int pid) {
        for (Path path : paths.values()) {
            Path procs = path.resolve("cgroup.procs");
            try {
                Files.writeString(procs, Integer.toString(pid), StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new RuntimeFailure("write " + procs + ": " + IoErrors.reason(e));
            }
        }
    }
}
