package dev.jrun.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The runtime for one test class, with a --root of its own; what a test leaves running is
 * deleted by force when the class ends. Register with {@code @RegisterExtension static}.
 */
public final class Containers implements BeforeAllCallback, AfterAllCallback {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private RuntimeCli runtime;

    @Override
    public void beforeAll(ExtensionContext context) {
        String where = context.getRequiredTestClass().getSimpleName();
        Skip.unless(where, Host.isRoot(), "needs root: the tests make real containers");
        Path binary = Path.of(RuntimeCli.configuredBinary());
        Skip.unless(where, Files.isExecutable(binary), "no runtime at " + binary + " (set -Djrun.binary)");
        runtime = RuntimeCli.withRoot(Workspace.newDir("root-"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (runtime == null) {
            return;
        }
        try (var entries = Files.list(runtime.root())) {
            entries.forEach(entry -> runtime.deleteForce(entry.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Workspace.remove(runtime.root());
    }

    public RuntimeCli runtime() {
        return runtime;
    }

    /** Unique within the run and across runs at once (the pid), and a valid runc id. */
    public String newId(String name) {
        return "it-" + name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** `run` to completion in a fresh bundle, which is removed afterwards. */
    public Result run(Config config) {
        try (Bundle bundle = Bundle.of(config)) {
            return run(bundle);
        }
    }

    public Result run(Bundle bundle) {
        String id = newId("run");
        try {
            return runtime.exec("run", "--bundle", bundle.dir().toString(), id);
        } finally {
            runtime.deleteForce(id);
        }
    }

    /** `run` that must exit 0; the output is the container's stdout. */
    public String output(Config config) {
        return run(config).ok().out();
    }

    public Container create(Config config) {
        return start("create", Bundle.of(config));
    }

    public Container detach(Config config) {
        return start("run", Bundle.of(config), "--detach");
    }

    private Container start(String verb, Bundle bundle, String... flags) {
        String id = newId(verb);
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(List.of(flags));
        args.addAll(List.of("--bundle", bundle.dir().toString(), id));
        Result result = runtime.exec(args.toArray(String[]::new));
        if (result.exit() != 0) {
            runtime.deleteForce(id);
            bundle.close();
            throw new AssertionError(result.describe());
        }
        return new Container(runtime, id, bundle);
    }
}
