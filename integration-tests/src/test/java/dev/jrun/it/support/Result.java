package dev.jrun.it.support;

import java.util.List;

/** What one program run left behind: its exit status and everything it wrote. */
public record Result(List<String> argv, int exit, String out, String err) {

    /** Fails the test unless the program exited 0; the message carries its stderr. */
    public Result ok() {
        if (exit != 0) {
            throw new AssertionError(describe());
        }
        return this;
    }

    public List<String> outLines() {
        return out.strip().isEmpty() ? List.of() : out.strip().lines().toList();
    }

    public String describe() {
        return String.join(" ", argv) + " exited " + exit
                + "\n  stdout: " + out.strip() + "\n  stderr: " + err.strip();
    }
}
