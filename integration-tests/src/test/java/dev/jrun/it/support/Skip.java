package dev.jrun.it.support;

import org.junit.jupiter.api.Assumptions;

/** Skips that say why: a test this machine cannot run is reported, never silently passed. */
public final class Skip {
    private Skip() {
    }

    public static void unless(boolean condition, String reason) {
        unless(caller(), condition, reason);
    }

    public static void unless(String where, boolean condition, String reason) {
        if (!condition) {
            System.err.println("[skipped] " + where + ": " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    /**
     * Runs assertions that hold for jrun by design but not for every peer runtime (an exact
     * message, the memfd jrun runs from); against a peer, says what was left unchecked.
     */
    public static void jrunOnly(RuntimeCli runtime, String what, Runnable assertions) {
        if (runtime.isJrun()) {
            assertions.run();
        } else {
            System.err.println("[jrun-only, not checked against " + runtime.binary() + "] " + caller() + ": " + what);
        }
    }

    /** The outermost frame in a test class: the test method, not the helper it called. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("dev.jrun.it.") && !f.getClassName().contains(".support."))
                .reduce((inner, outer) -> outer)
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("?"));
    }
}
