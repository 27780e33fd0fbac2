package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import dev.jrun.spec.IdMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the uid and gid maps of a new user namespace from the parent side, where a multi-range
 * map can be written at all. As root the files are written directly and setgroups stays allowed
 * (so supplementary groups work); an unprivileged caller may map only itself with setgroups
 * denied, and reaches several ranges through the setuid newuidmap/newgidmap from Debian's uidmap.
 */
final class IdMapWriter {

    private final boolean privileged;
    private final long callerUid;
    private final long callerGid;

    IdMapWriter(boolean privileged, long callerUid, long callerGid) {
        this.privileged = privileged;
        this.callerUid = callerUid;
        this.callerGid = callerGid;
    }

    void write(int pid, List<IdMapping> uidMappings, List<IdMapping> gidMappings) {
        Path proc = Path.of("/proc", Integer.toString(pid));
        if (privileged) {
            writeFile(proc.resolve("uid_map"), table(uidMappings));
            writeFile(proc.resolve("gid_map"), table(gidMappings));
        } else if (mapsOnlyCaller(uidMappings, callerUid) && mapsOnlyCaller(gidMappings, callerGid)) {
            writeFile(proc.resolve("setgroups"), "deny");
            writeFile(proc.resolve("uid_map"), table(uidMappings));
            writeFile(proc.resolve("gid_map"), table(gidMappings));
        } else {
            runSetuidHelper("newuidmap", pid, uidMappings);
            runSetuidHelper("newgidmap", pid, gidMappings);
        }
    }

    static String table(List<IdMapping> mappings) {
        return mappings.stream()
                .map(m -> m.containerId() + " " + m.hostId() + " " + m.size())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean mapsOnlyCaller(List<IdMapping> mappings, long id) {
        return mappings.size() == 1 && mappings.get(0).size() == 1 && mappings.get(0).hostId() == id;
    }

    /** The kernel takes a map in a single write(2). */
    private static void writeFile(Path file, String content) {
        try {
            Files.write(file, content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RuntimeFailure("write " + file + ": " + IoErrors.reason(e));
        }
    }

    private static void runSetuidHelper(String tool, int pid, List<IdMapping> mappings) {
        List<String> command = new ArrayList<>(List.of(tool, Integer.toString(pid)));
        for (IdMapping m : mappings) {
            command.add(Long.toString(m.containerId()));
            command.add(Long.toString(m.hostId()));
            command.add(Long.toString(m.size()));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new RuntimeFailure(tool + " " + pid + ": " + (output.isEmpty() ? "failed" : output));
            }
        } catch (IOException e) {
            throw new RuntimeFailure("run " + tool + " (install Debian's uidmap): " + IoErrors.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("interrupted while running " + tool);
        }
    }
}
