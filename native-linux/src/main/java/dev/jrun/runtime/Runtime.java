package dev.jrun.runtime;

import dev.jrun.state.ContainerView;
import java.util.List;

/** One method per runc verb. The command line is a thin client of this facade. */
public final class Runtime {

    private final RuntimeContext context;

    public Runtime(RuntimeContext context) {
        this.context = context;
    }

    public void create(CreateOptions options) {
        throw new UnsupportedOperationException("create");
    }

    public void start(String id) {
        throw new UnsupportedOperationException("start");
    }

    public ContainerView state(String id) {
        throw new UnsupportedOperationException("state");
    }

    public List<ContainerView> list() {
        throw new UnsupportedOperationException("list");
    }

    public void kill(String id, int signal, boolean all) {
        throw new UnsupportedOperationException("kill");
    }

    public void delete(String id, boolean force) {
        throw new UnsupportedOperationException("delete");
    }

    /** create + start; without detach waits and returns the container's exit status (128+n for signal n). */
    public int run(CreateOptions options, boolean detach) {
        throw new UnsupportedOperationException("run");
    }

    /** Returns the process's exit status, or 0 when detached. */
    public int exec(ExecOptions options) {
        throw new UnsupportedOperationException("exec");
    }

    RuntimeContext context() {
        return context;
    }
}
