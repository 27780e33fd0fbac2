package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import dev.jrun.cgroups.Cgroups;
import dev.jrun.cgroups.Freezer;
import dev.jrun.linux.SyscallException;
import dev.jrun.linux.Syscalls;
import dev.jrun.spec.Hook;
import dev.jrun.spec.Hooks;
import dev.jrun.spec.Spec;
import dev.jrun.spec.SpecLoader;
import dev.jrun.state.ContainerDir;
import dev.jrun.state.ContainerState;
import dev.jrun.state.ContainerView;
import dev.jrun.state.ProcessProbe;
import dev.jrun.state.StateStore;
import dev.jrun.state.Status;
import dev.jrun.state.StatusProbe;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One method per runc verb. The command line is a thin client of this facade. {@code state},
 * {@code list} and {@code start} use plain file I/O only, so they never load JNR.
 */
public final class Runtime {

    private static final int SIGKILL = 9;
    private static final int STOP_WAIT_MILLIS = 10_000;

    private final RuntimeContext context;
    private final StateStore store;
    private final StatusProbe probe;

    public Runtime(RuntimeContext context) {
        this.context = context;
        this.store = new StateStore(context.root());
        this.probe = new StatusProbe(ProcessProbe.host(), state -> Freezer.isFrozen(state.cgroupPaths()));
    }

    public void create(CreateOptions options) {
        creator().create(options);
    }

    public void start(String id) {
        try (ContainerDir dir = store.open(id)) {
            ContainerView view = view(dir);
            if (!view.status().canStart()) {
                throw new RuntimeFailure(view.status() == Status.STOPPED
                        ? "cannot start a container that has stopped"
                        : "cannot start an already running container");
            }
            release(dir);
            runHooks(dir, view, "poststart", "running", Hooks::poststart);
        }
    }

    public ContainerView state(String id) {
        ContainerState state = store.load(id);
        return probe.view(state, store.execFifo(id));
    }

    public List<ContainerView> list() {
        List<ContainerView> views = new ArrayList<>();
        for (String id : store.ids()) {
            try {
                views.add(state(id));
            } catch (RuntimeException e) {
                context.log().debug("skip " + id + ": " + e.getMessage());
            }
        }
        return views;
    }

    /** With {@code all}, every process of the container's cgroup, not only its init. */
    public void kill(String id, int signal, boolean all) {
        try (ContainerDir dir = store.open(id)) {
            ContainerView view = view(dir);
            if (!view.status().canKill()) {
                throw new RuntimeFailure("container not running");
            }
            Syscalls syscalls = Syscalls.linux();
            syscalls.kill(view.state().initPid(), signal);
            if (all) {
                for (int pid : CgroupProcesses.of(view.state().cgroupPaths())) {
                    killQuietly(syscalls, pid, signal);
                }
            }
        }
    }

    public void pause(String id) {
        try (ContainerDir dir = store.open(id)) {
            ContainerView view = view(dir);
            if (view.status() != Status.RUNNING) {
                throw new RuntimeFailure("container not running");
            }
            requireCgroups(view);
            Freezer.freeze(view.state().cgroupPaths());
        }
    }

    public void resume(String id) {
        try (ContainerDir dir = store.open(id)) {
            ContainerView view = view(dir);
            if (view.status() != Status.PAUSED) {
                throw new RuntimeFailure("container not paused");
            }
            Freezer.thaw(view.state().cgroupPaths());
        }
    }

    private static void requireCgroups(ContainerView view) {
        if (view.state().cgroupPaths().isEmpty()) {
            throw new RuntimeFailure("container " + view.state().id() + " has no cgroups to freeze");
        }
    }

    public void delete(String id, boolean force) {
        try (ContainerDir dir = store.open(id)) {
            ContainerView view = view(dir);
            Status status = view.status();
            if (!status.canDelete(force)) {
                throw new RuntimeFailure("cannot delete container " + id + " that is not stopped: " + status.word());
            }
            if (status != Status.STOPPED) {
                stop(dir, view.state());
            }
            Cgroups.destroy(view.state().cgroupPaths());
            runHooks(dir, view, "poststop", "stopped", Hooks::poststop);
            dir.remove();
        }
    }

    /** create + start; without detach waits and returns the container's exit status (128+n for signal n). */
    public int run(CreateOptions options, boolean detach) {
        if (detach) {
            create(options);
            start(options.id());
            return 0;
        }
        return new ForegroundRun(this, Syscalls.linux()).run(options);
    }

    /** Returns the process's exit status, or 0 when detached. */
    public int exec(ExecOptions options) {
        ContainerView view = state(options.id());
        if (view.status() != Status.RUNNING && view.status() != Status.CREATED) {
            throw new RuntimeFailure("cannot exec in a " + view.status().word() + " container");
        }
        Spec spec = SpecLoader.parse(readConfigCopy(options.id()));
        Syscalls syscalls = Syscalls.linux();
        if (!options.detach()) {
            syscalls.prctl(Syscalls.PR_SET_CHILD_SUBREAPER, 1);
        }
        LocalConsole console = new LocalConsole(syscalls);
        int pid = new ContainerExec(syscalls, hostSide()).start(view.state(), spec, options,
                options.detach() ? Optional.empty() : Optional.of(console::childEnd));
        options.pidFile().ifPresent(file -> ContainerCreator.writePidFile(file, pid));
        if (options.detach()) {
            return 0;
        }
        Optional<TerminalProxy> terminal = console.proxy();
        int status = new ProcessWaiter(syscalls).waitForwardingSignals(pid);
        terminal.ifPresent(TerminalProxy::finish);
        return status;
    }

    private byte[] readConfigCopy(String id) {
        try (ContainerDir dir = store.open(id)) {
            return Files.readAllBytes(dir.configFile());
        } catch (IOException e) {
            throw new RuntimeFailure("read the config of container " + id + ": " + IoErrors.reason(e));
        }
    }

    private HostSide hostSide() {
        return new HostSide(context, ProcessIds.uid(), ProcessIds.gid());
    }

    ContainerCreator creator() {
        Syscalls syscalls = Syscalls.linux();
        return new ContainerCreator(context, syscalls, store, hostSide());
    }

    /** Lets the init past exec.fifo: it holds the fifo open for reading, so this open does not block. */
    private void release(ContainerDir dir) {
        try (FileOutputStream fifo = new FileOutputStream(dir.execFifo().toFile())) {
            fifo.write(0);
        } catch (IOException e) {
            throw new RuntimeFailure("start: write " + dir.execFifo() + ": " + IoErrors.reason(e));
        }
        try {
            Files.delete(dir.execFifo());
        } catch (IOException e) {
            throw new RuntimeFailure("start: remove " + dir.execFifo() + ": " + IoErrors.reason(e));
        }
    }

    /**
     * SIGKILL to every process of the container, then wait until the kernel says the init is gone
     * (or a zombie for its reaper). A frozen container is thawed so that the signal is delivered.
     */
    private void stop(ContainerDir dir, ContainerState state) {
        Syscalls syscalls = Syscalls.linux();
        killQuietly(syscalls, state.initPid(), SIGKILL);
        CgroupProcesses.of(state.cgroupPaths()).forEach(pid -> killQuietly(syscalls, pid, SIGKILL));
        if (!state.cgroupPaths().isEmpty() && Freezer.isFrozen(state.cgroupPaths())) {
            Freezer.thaw(state.cgroupPaths());
        }
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (view(dir).status() != Status.STOPPED) {
            if (System.currentTimeMillis() > deadline) {
                throw new RuntimeFailure("container " + dir.id() + " did not stop after SIGKILL");
            }
            sleep(10);
        }
    }

    /** poststart and poststop hooks: failures are warnings (runtime-spec). */
    private void runHooks(ContainerDir dir, ContainerView view, String kind, String status,
                          Function<Hooks, List<Hook>> which) {
        if (!view.state().hasHooks()) {
            return;
        }
        Spec spec;
        try {
            spec = SpecLoader.parse(Files.readAllBytes(dir.configFile()));
        } catch (IOException | RuntimeException e) {
            context.log().warn("read " + dir.configFile() + " for its hooks: " + e.getMessage());
            return;
        }
        if (spec.hooks() == null) {
            return;
        }
        ContainerState state = view.state();
        int pid = status.equals("stopped") ? 0 : state.initPid(); // a stopped container has no pid
        new HookRunner(context.log()).runOrWarn(kind, which.apply(spec.hooks()),
                new HookRunner.HookState(state.ociVersion(), state.id(), status, pid, state.bundle(), state.annotations()));
    }

    private void killQuietly(Syscalls syscalls, int pid, int signal) {
        try {
            syscalls.kill(pid, signal);
        } catch (SyscallException e) {
            context.log().debug("kill " + pid + ": " + e.reason());
        }
    }

    private ContainerView view(ContainerDir dir) {
        return probe.view(dir.load(), dir.execFifo());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("interrupted");
        }
    }

    RuntimeContext context() {
        return context;
    }
}
