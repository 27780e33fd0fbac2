package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import static dev.jrun.linux.Syscalls.*;

import dev.jrun.linux.SyscallException;
import dev.jrun.linux.Syscalls;
import dev.jrun.linux.helper.HelperLauncher;
import dev.jrun.linux.helper.HelperProtocol.Stage;
import dev.jrun.linux.helper.SyncSocket;
import dev.jrun.plan.Plan;
import dev.jrun.plan.PlanCodec;
import dev.jrun.plan.Planner;
import dev.jrun.spec.ConfigException;
import dev.jrun.spec.Finding;
import dev.jrun.spec.IdMapping;
import dev.jrun.spec.Spec;
import dev.jrun.spec.SpecLoader;
import dev.jrun.spec.SpecValidator;
import dev.jrun.spec.SpecWriter;
import dev.jrun.state.ContainerDir;
import dev.jrun.state.ContainerState;
import dev.jrun.state.ProcessProbe;
import dev.jrun.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

/**
 * {@code create}: from a bundle to an init that waits on exec.fifo, with its state saved. Any
 * failure kills what was started and removes the state directory before it is reported.
 */
final class ContainerCreator {

    private static final int SIGKILL = 9;

    private final RuntimeContext context;
    private final Syscalls syscalls;
    private final StateStore store;
    private final HostSide hostSide;

    ContainerCreator(RuntimeContext context, Syscalls syscalls, StateStore store, HostSide hostSide) {
        this.context = context;
        this.syscalls = syscalls;
        this.store = store;
        this.hostSide = hostSide;
    }

    ContainerState create(CreateOptions options) {
        return create(options, Optional.empty());
    }

    /**
     * @param localConsole for a foreground run: makes the socket the pty master is sent to when the
     *                     process has a terminal and no --console-socket was given
     */
    ContainerState create(CreateOptions options, Optional<IntSupplier> localConsole) {
        Path bundle = options.bundle().toAbsolutePath().normalize();
        Spec spec = SpecLoader.load(bundle);
        List<Finding> warnings = SpecValidator.validate(spec, hostSide.facts());
        warnings.forEach(warning -> context.log().warn(warning.toString()));
        IntSupplier console = consoleSocket(spec.process().terminal(), options, localConsole);
        refuseHooksRunInsideTheContainer(spec);
        Plan plan = Planner.plan(spec, bundle, false);
        if (!Files.isDirectory(Path.of(plan.rootfs()))) {
            throw new ConfigException("config.json: root.path: " + plan.rootfs() + " is not a directory");
        }
        hostSide.checkLabels(plan.process());
        Optional<HelperMessages.CompiledSeccomp> seccomp = hostSide.compileSeccomp(plan.process().seccomp());
        try (ContainerDir dir = store.create(options.id())) {
            try {
                Files.writeString(dir.configFile(), SpecWriter.write(spec));
                ContainerState state = launch(dir, spec, plan, seccomp, options, bundle, console);
                dir.save(state);
                options.pidFile().ifPresent(file -> writePidFile(file, state.initPid()));
                return state;
            } catch (IOException e) {
                dir.remove();
                throw new RuntimeFailure("write " + dir.configFile() + ": " + IoErrors.reason(e));
            } catch (RuntimeException e) {
                dir.remove();
                throw e;
            }
        }
    }

    private ContainerState launch(ContainerDir dir, Spec spec, Plan plan,
                                  Optional<HelperMessages.CompiledSeccomp> seccomp, CreateOptions options, Path bundle,
                                  IntSupplier console) {
        String fifo = dir.execFifo().toString();
        syscalls.mkfifo(fifo, 0622);
        int fifoFd = syscalls.open(fifo, O_RDWR | O_CLOEXEC, 0);
        OptionalInt consoleFd = OptionalInt.empty();
        stage("spawn helper");
        HelperLauncher.Started helper;
        try {
            consoleFd = console == null ? OptionalInt.empty() : OptionalInt.of(console.getAsInt());
            helper = new HelperLauncher(syscalls, HelperLauncher.installedHelper()).launch(Stage.CREATE,
                    new HelperLauncher.Inputs(
                            HelperMessages.bootstrap(plan, InitCommand.argv(), InitCommand.env()),
                            PlanCodec.encode(plan.init()),
                            HelperMessages.handoff(plan.process(), seccomp, options.preserveFds(),
                                    plan.newCgroupNamespace(), true,
                                    console == null ? HelperMessages.Console.NONE : HelperMessages.Console.DEVICE),
                            OptionalInt.of(fifoFd), consoleFd));
        } finally {
            syscalls.close(fifoFd);
            consoleFd.ifPresent(syscalls::close);
        }
        CgroupJoin cgroups = hostSide.cgroups(spec, options.id());
        int[] started = {0};
        try (SyncSocket sync = helper.sync()) {
            InitConversation.Host host = new InitConversation.Host() {
                @Override
                public void writeIdMaps(int pid, List<IdMapping> uidMappings, List<IdMapping> gidMappings) {
                    stage("write id maps");
                    hostSide.idMaps().write(pid, uidMappings, gidMappings);
                }

                @Override
                public void beforeHandoff(int pid) {
                    stage("init handoff");
                    cgroups.join(pid);
                    plan.process().oomScoreAdj().ifPresent(score -> hostSide.writeOomScoreAdj(pid, score));
                    runCreateHooks(spec, options.id(), pid, bundle);
                }
            };
            int pid = new InitConversation(sync, host, plan.uidMappings(), plan.gidMappings())
                    .untilReady(p -> {
                        stage("init started");
                        started[0] = p;
                    });
            stage("init ready");
            reap(helper.pid());
            long startTime = ProcessProbe.host().stat(pid)
                    .orElseThrow(() -> new RuntimeFailure("container init " + pid + " exited before it was ready"))
                    .startTime();
            return new ContainerState(spec.ociVersion(), options.id(), pid, startTime, bundle, Path.of(plan.rootfs()),
                    Instant.now(), dir.owner(), spec.annotations(), cgroups.paths(), hasHostHooks(spec));
        } catch (RuntimeException e) {
            if (started[0] > 0) {
                killQuietly(started[0]);
            }
            reapQuietly(helper.pid());
            cgroups.destroyQuietly();
            throw e;
        }
    }

    /**
     * Marks a stage of create in the debug log with the wall clock in milliseconds, which
     * bench/lifecycle.sh reads to split create's time between the CLI, the helper and the init.
     */
    private void stage(String name) {
        context.log().debug("create stage \"" + name + "\" at " + System.currentTimeMillis() + " ms");
    }

    private void reap(int pid) {
        syscalls.waitpid(pid);
    }

    private void reapQuietly(int pid) {
        try {
            syscalls.waitpid(pid);
        } catch (SyscallException ignored) {
            // already reaped
        }
    }

    private void killQuietly(int pid) {
        try {
            syscalls.kill(pid, SIGKILL);
        } catch (SyscallException ignored) {
            // already gone
        }
    }

    /**
     * Where the pty master of a terminal process goes, or null when the process has no terminal.
     * As with runc, a terminal needs a console socket unless jrun itself stays in the foreground.
     */
    private IntSupplier consoleSocket(boolean terminal, CreateOptions options, Optional<IntSupplier> localConsole) {
        if (!terminal) {
            if (options.consoleSocket().isPresent()) {
                throw new ConfigException("--console-socket: the process has no terminal (process.terminal is false)");
            }
            return null;
        }
        if (options.consoleSocket().isPresent()) {
            String path = options.consoleSocket().get().toString();
            return () -> syscalls.connectUnix(path);
        }
        return localConsole.orElseThrow(() -> new ConfigException(
                "config.json: process.terminal: a terminal needs --console-socket when jrun does not stay "
                        + "in the foreground (or set process.terminal to false)"));
    }

    /**
     * prestart and createRuntime hooks run once the namespaces exist (a network hook can configure
     * /proc/PID/ns/net) and before the process takes its credentials.
     */
    private void runCreateHooks(Spec spec, String id, int pid, Path bundle) {
        if (spec.hooks() == null) {
            return;
        }
        HookRunner.HookState state = new HookRunner.HookState(spec.ociVersion(), id, "creating", pid, bundle,
                spec.annotations());
        HookRunner hooks = new HookRunner(context.log());
        hooks.runOrFail("prestart", spec.hooks().prestart(), state);
        hooks.runOrFail("createRuntime", spec.hooks().createRuntime(), state);
    }

    private static boolean hasHostHooks(Spec spec) {
        return spec.hooks() != null && !(spec.hooks().poststart().isEmpty() && spec.hooks().poststop().isEmpty());
    }

    /** These hooks run in the container's namespaces, which the host side cannot do yet. */
    private static void refuseHooksRunInsideTheContainer(Spec spec) {
        if (spec.hooks() != null && !spec.hooks().createContainer().isEmpty()) {
            throw new ConfigException("config.json: hooks.createContainer: not supported yet");
        }
        if (spec.hooks() != null && !spec.hooks().startContainer().isEmpty()) {
            throw new ConfigException("config.json: hooks.startContainer: not supported yet");
        }
    }

    /** runc writes the pid without a newline, through a rename so that a reader never sees half of it. */
    static void writePidFile(Path file, int pid) {
        Path absolute = file.toAbsolutePath();
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, Integer.toString(pid));
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RuntimeFailure("write pid file " + absolute + ": " + IoErrors.reason(e));
        }
    }

    /** Cgroup membership of one container, created on the host side. */
    interface CgroupJoin {
        void join(int pid);

        Map<String, Path> paths();

        void destroyQuietly();

        CgroupJoin NONE = new CgroupJoin() {
            @Override public void join(int pid) { }
            @Override public Map<String, Path> paths() { return Map.of(); }
            @Override public void destroyQuietly() { }
        };
    }
}
