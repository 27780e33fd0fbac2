package dev.jrun.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads /proc/PID/stat; the /proc root is injected so that tests can fake it. */
public final class ProcessProbe {

    /** Fields after the comm field start at field 3; the start time is field 22. */
    private static final int START_TIME_INDEX = 22 - 3;

    private final Path procRoot;

    public ProcessProbe(Path procRoot) {
        this.procRoot = procRoot;
    }

    public static ProcessProbe host() {
        return new ProcessProbe(Path.of("/proc"));
    }

    /** Empty when the process does not exist (any more). */
    public Optional<ProcStat> stat(int pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Path file = procRoot.resolve(Integer.toString(pid)).resolve("stat");
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // ESRCH: the process exited between open and read
            if (!Files.exists(file.getParent())) {
                return Optional.empty();
            }
            throw new StateException("read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(parse(pid, text, file));
    }

    /**
     * The comm field (2) is the executable's name in parentheses and may itself contain spaces
     * and parentheses, so the fixed fields are those after the last ')'.
     */
    static ProcStat parse(int pid, String text, Path file) {
        int close = text.lastIndexOf(')');
        if (close < 0 || close + 2 > text.length()) {
            throw new StateException("parse " + file + ": no comm field");
        }
        String[] fields = text.substring(close + 2).trim().split(" +");
        if (fields.length <= START_TIME_INDEX || fields[0].length() != 1) {
            throw new StateException("parse " + file + ": too few fields");
        }
        try {
            return new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[START_TIME_INDEX]));
        } catch (NumberFormatException e) {
            throw new StateException("parse " + file + ": bad start time \"" + fields[START_TIME_INDEX] + "\"");
        }
    }
}
