package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The processes of a container: what cgroup.procs of its cgroup lists (every hierarchy holds them all). */
final class CgroupProcesses {

    private CgroupProcesses() {
    }

    static List<Integer> of(Map<String, Path> cgroupPaths) {
        for (Path path : cgroupPaths.values()) {
            try {
                return Files.readAllLines(path.resolve("cgroup.procs")).stream()
                        .filter(line -> !line.isBlank())
                        .map(line -> Integer.parseInt(line.strip()))
                        .toList();
            } catch (NoSuchFileException e) {
                // that hierarchy's directory is gone: try the next
            } catch (IOException e) {
                throw new RuntimeFailure("read " + path.resolve("cgroup.procs") + ": " + IoErrors.reason(e));
            }
        }
        return List.of();
    }
}
