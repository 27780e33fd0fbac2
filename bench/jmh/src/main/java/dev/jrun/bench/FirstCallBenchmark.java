package dev.jrun.bench;

import dev.jrun.plan.Plan;
import dev.jrun.plan.Planner;
import dev.jrun.spec.HostFacts;
import dev.jrun.spec.Spec;
import dev.jrun.spec.SpecLoader;
import dev.jrun.spec.SpecValidator;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first load of a config in a fresh JVM, as every {@code jrun create} pays it: class loading,
 * Jackson's set-up and interpreted code. One call per fork, in forks started with the flags of
 * jrun's launcher. Command-line -wi/-i/-f override these annotations and make the call warm, so
 * run this class by itself: {@code java -jar target/benchmarks.jar FirstCall}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto"})
@State(Scope.Benchmark)
public class FirstCallBenchmark {

    private Path bundle;

    @Setup
    public void setUp() throws IOException {
        bundle = Files.createTempDirectory("jrun-bench-bundle-");
        Files.write(bundle.resolve("config.json"), Fixtures.runcSpec());
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(bundle.resolve("config.json"));
        Files.deleteIfExists(bundle);
    }

    @Benchmark
    public Spec load() {
        return SpecLoader.load(bundle);
    }

    /** Everything create does with the config before it spawns the helper. */
    @Benchmark
    public Plan loadValidatePlan() {
        Spec spec = SpecLoader.load(bundle);
        SpecValidator.validate(spec, HostFacts.of(true));
        return Planner.plan(spec, bundle, false);
    }
}
