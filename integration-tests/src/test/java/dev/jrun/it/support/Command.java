package dev.jrun.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with stdin from /dev/null and stdout/stderr in files, never pipes: a container
 * left running (create, run --detach) inherits them and would hold a pipe open for ever.
 */
public final class Command {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Command() {
    }

    public static Result run(List<String> argv) {
        return run(argv, Map.of(), TIMEOUT);
    }

    /** A host shell script, for what Java cannot do itself (an inherited fd 3, for example). */
    public static Result sh(String script) {
        return run(List.of("/bin/sh", "-c", script));
    }

    public static Result run(List<String> argv, Map<String, String> env, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("it-", ".out");
            err = Files.createTempFile("it-", ".err");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", argv) + ": no exit within " + timeout
                        + "\n  stderr: " + Files.readString(err).strip());
            }
            return new Result(argv, process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + argv, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temp file left in /tmp is not worth failing a test for
        }
    }
}
