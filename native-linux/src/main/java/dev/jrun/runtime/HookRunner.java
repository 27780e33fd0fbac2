package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.jrun.log.Log;
import dev.jrun.spec.Hook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs OCI hooks on the host: each gets the container's state on stdin, only its own environment,
 * and its timeout. A failing prestart or createRuntime hook fails create; a failing poststart or
 * poststop hook is a warning, as the runtime-spec says.
 */
final class HookRunner {

    /** The state a hook reads on stdin: runtime-spec's state object. */
    record HookState(String ociVersion, String id, String status, int pid, Path bundle, Map<String, String> annotations) {

        String json() {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("ociVersion", ociVersion);
                g.writeStringField("id", id);
                g.writeStringField("status", status);
                if (pid > 0) {
                    g.writeNumberField("pid", pid);
                }
                g.writeStringField("bundle", bundle.toString());
                if (!annotations.isEmpty()) {
                    g.writeObjectFieldStart("annotations");
                    for (Map.Entry<String, String> entry : annotations.entrySet()) {
                        g.writeStringField(entry.getKey(), entry.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    private final Log log;

    HookRunner(Log log) {
        this.log = log;
    }

    /** Runs the hooks in order; the first failure ends the run with a {@link RuntimeFailure}. */
    void runOrFail(String kind, List<Hook> hooks, HookState state) {
        for (int i = 0; i < hooks.size(); i++) {
            run(kind + "[" + i + "]", hooks.get(i), state);
        }
    }

    /** Runs every hook; a failure is logged as a warning and the next hook still runs. */
    void runOrWarn(String kind, List<Hook> hooks, HookState state) {
        for (int i = 0; i < hooks.size(); i++) {
            try {
                run(kind + "[" + i + "]", hooks.get(i), state);
            } catch (RuntimeFailure e) {
                log.warn(e.getMessage());
            }
        }
    }

    private void run(String name, Hook hook, HookState state) {
        List<String> command = new ArrayList<>();
        command.add(hook.path());
        // args[0] is the hook's argv[0], which ProcessBuilder cannot set apart from the path
        if (hook.args().size() > 1) {
            command.addAll(hook.args().subList(1, hook.args().size()));
        }
        Path errors;
        try {
            errors = java.nio.file.Files.createTempFile("jrun-hook", ".err");
        } catch (IOException e) {
            throw new RuntimeFailure("hooks." + name + ": create a file for its stderr: " + IoErrors.reason(e));
        }
        try {
            runWithErrorsIn(name, hook, state, command, errors);
        } finally {
            errors.toFile().delete();
        }
    }

    private void runWithErrorsIn(String name, Hook hook, HookState state, List<String> command, Path errors) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile());
        builder.environment().clear();
        for (String entry : hook.env()) {
            int eq = entry.indexOf('=');
            builder.environment().put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        String what = "hooks." + name + " " + hook.path();
        try {
            java.lang.Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(state.json().getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // a hook need not read its stdin
            }
            boolean finished = hook.timeout() == null
                    ? process.waitFor() >= 0
                    : process.waitFor(hook.timeout(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
                throw new RuntimeFailure(what + ": timed out after " + hook.timeout() + " s");
            }
            if (process.exitValue() != 0) {
                String err = java.nio.file.Files.readString(errors).strip().lines().findFirst().orElse("");
                throw new RuntimeFailure(what + ": exit status " + process.exitValue() + (err.isEmpty() ? "" : ": " + err));
            }
        } catch (IOException e) {
            throw new RuntimeFailure(what + ": " + IoErrors.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(what + ": interrupted");
        }
    }
}
