package dev.jrun.cli;

import dev.jrun.runtime.Runtime;
import dev.jrun.runtime.RuntimeContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;

/** Runs {@link Main} with captured output and a runtime factory of the test's choosing. */
final class CliStreams {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Function<RuntimeContext, Runtime> runtimes;

    /** A runtime factory that fails: no test may reach the kernel through the real runtime. */
    CliStreams() {
        this(context -> {
            throw new IllegalStateException("no runtime in this test");
        });
    }

    CliStreams(Function<RuntimeContext, Runtime> runtimes) {
        this.runtimes = runtimes;
    }

    int run(String... args) {
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        int status = new Main(runtimes, outWriter, errWriter).run(args);
        outWriter.flush();
        errWriter.flush();
        return status;
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
