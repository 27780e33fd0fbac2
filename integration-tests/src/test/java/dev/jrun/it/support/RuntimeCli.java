package dev.jrun.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime under test, driven only through its runc-compatible command line with a private
 * --root. The binary is the system property jrun.binary, so the same tests run against runc.
 */
public final class RuntimeCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Boolean> IS_JRUN = new ConcurrentHashMap<>();

    private final String binary;
    private final Path root;
    private final List<String> prefix;

    private RuntimeCli(String binary, Path root, List<String> prefix) {
        this.binary = binary;
        this.root = root;
        this.prefix = prefix;
    }

    public static String configuredBinary() {
        return System.getProperty("jrun.binary", "/usr/local/bin/jrun");
    }

    public static RuntimeCli withRoot(Path root) {
        return new RuntimeCli(configuredBinary(), root, List.of());
    }

    /** The same runtime started as another user through runuser, with that user's XDG_RUNTIME_DIR. */
    public RuntimeCli asUser(String user, Path root, Path runtimeDir) {
        return new RuntimeCli(binary, root,
                List.of("runuser", "-u", user, "--", "env", "XDG_RUNTIME_DIR=" + runtimeDir));
    }

    public String binary() {
        return binary;
    }

    public Path root() {
        return root;
    }

    /** jrun says so in --version; assertions about jrun's own choices are made only then. */
    public boolean isJrun() {
        return IS_JRUN.computeIfAbsent(binary, b -> {
            Result version = Command.run(List.of(b, "--version"));
            return (version.out() + version.err()).toLowerCase().contains("jrun");
        });
    }

    /** Runs a command with --root; the exit status is the caller's to judge. */
    public Result exec(String... args) {
        return Command.run(argv(args), Map.of(), Command.TIMEOUT);
    }

    /** Runs a command with --root and fails the test unless it exits 0. */
    public Result ok(String... args) {
        return exec(args).ok();
    }

    /** For `run` without --detach, which returns only when the container ends. */
    public CompletableFuture<Result> execAsync(String... args) {
        return CompletableFuture.supplyAsync(() -> exec(args));
    }

    /** The argv of a command, for callers that must wrap it (a host shell that opens fd 3). */
    public List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(prefix);
        argv.add(binary);
        argv.add("--root");
        argv.add(root.toString());
        argv.addAll(List.of(args));
        return argv;
    }

    public JsonNode state(String id) {
        return parse(ok("state", id).out());
    }

    public String status(String id) {
        return state(id).path("status").asText();
    }

    /** The status, or "" while state fails (before create has finished, or after delete). */
    public String statusIfAny(String id) {
        Result result = exec("state", id);
        return result.exit() == 0 ? parse(result.out()).path("status").asText() : "";
    }

    public long pid(String id) {
        return state(id).path("pid").asLong();
    }

    public boolean awaitStatus(String id, String status) {
        return Host.await(() -> status.equals(statusIfAny(id)), Duration.ofSeconds(10));
    }

    public void deleteForce(String id) {
        exec("delete", "--force", id);
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
