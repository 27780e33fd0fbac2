package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real uid and gid of this process, read from /proc/self/status (no native call needed). */
final class ProcessIds {

    private ProcessIds() {
    }

    static long uid() {
        return field("Uid:");
    }

    static long gid() {
        return field("Gid:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new RuntimeFailure("read /proc/self/status: " + IoErrors.reason(e));
        }
        throw new RuntimeFailure("read /proc/self/status: no " + name + " line");
    }
}
