package dev.jrun.bench;

import dev.jrun.plan.InitPlan;
import dev.jrun.plan.Plan;
import dev.jrun.plan.PlanCodec;
import dev.jrun.plan.Planner;
import dev.jrun.spec.Finding;
import dev.jrun.spec.HostFacts;
import dev.jrun.spec.Spec;
import dev.jrun.spec.SpecLoader;
import dev.jrun.spec.SpecValidator;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What create does with config.json before it spawns the helper, step by step, in a warm JVM.
 * jrun never runs warm, so these numbers are the floor under {@link FirstCallBenchmark}'s: they
 * catch a step that got algorithmically slower, not start-up cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ConfigBenchmark {

    private final HostFacts host = HostFacts.of(true);
    private byte[] json;
    private Spec spec;
    private InitPlan initPlan;

    @Setup
    public void setUp() {
        json = Fixtures.runcSpec();
        spec = SpecLoader.parse(json);
        initPlan = Planner.plan(spec, Fixtures.BUNDLE, false).init();
    }

    @Benchmark
    public Spec parse() {
        return SpecLoader.parse(json);
    }

    @Benchmark
    public List<Finding> validate() {
        return SpecValidator.validate(spec, host);
    }

    @Benchmark
    public Plan plan() {
        return Planner.plan(spec, Fixtures.BUNDLE, false);
    }

    /** create encodes the init's part of the plan, the init JVM decodes it. */
    @Benchmark
    public InitPlan planCodecRoundTrip() {
        return PlanCodec.decode(PlanCodec.encode(initPlan));
    }
}
