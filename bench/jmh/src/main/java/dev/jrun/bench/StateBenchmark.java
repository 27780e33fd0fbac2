package dev.jrun.bench;

import dev.jrun.state.ContainerDir;
import dev.jrun.state.ContainerState;
import dev.jrun.state.ContainerView;
import dev.jrun.state.StateJson;
import dev.jrun.state.StateStore;
import dev.jrun.state.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The state directory as every command uses it: {@code state} renders what {@code load} read,
 * create saves. Saving syncs the file and its directory, so its cost is the file system's:
 * the root is a parameter ({@code -p root=/run/jrun-bench}) to compare disk with tmpfs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class StateBenchmark {

    private static final String ID = "bench";

    /** A directory to make the temporary state root in. */
    @Param({"/tmp", "/dev/shm"})
    public String root;

    private final ContainerView view = new ContainerView(Fixtures.createdState(ID), Status.CREATED);
    private Path storeRoot;
    private StateStore store;
    private ContainerDir dir;

    @Setup
    public void setUp() throws IOException {
        storeRoot = Files.createTempDirectory(Path.of(root), "jrun-bench-");
        store = new StateStore(storeRoot.resolve("root"));
        dir = store.create(ID);
        dir.save(view.state());
    }

    @TearDown
    public void tearDown() throws IOException {
        dir.remove();
        dir.close();
        Files.deleteIfExists(storeRoot.resolve("root"));
        Files.deleteIfExists(storeRoot);
    }

    @Benchmark
    public String render() {
        return StateJson.render(view);
    }

    /** What create does last and every later command first. */
    @Benchmark
    public ContainerState saveAndLoad() {
        dir.save(view.state());
        return dir.load();
    }

    /** What state, start and delete read, without the lock. */
    @Benchmark
    public ContainerState load() {
        return store.load(ID);
    }
}
