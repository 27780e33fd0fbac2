package dev.jrun.cli;

import dev.jrun.log.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * runc's logging, which containerd and CRI-O parse: logrus lines in text
 * ({@code time="..." level=error msg="..."}) or JSON ({@code {"level":..,"msg":..,"time":..}}),
 * to stderr, or appended to the --log file. With a log file an error is also printed to stderr as
 * its bare message, as runc does. Times are UTC, which spares loading the time-zone database.
 */
final class CliLog implements Log {

    enum Format { TEXT, JSON }

    private final PrintWriter stderr;
    private final Path file;
    private final Format format;
    private final boolean debug;
    private final Clock clock;
    private OutputStream fileStream;

    /** @param file the --log file, or null for stderr */
    CliLog(PrintWriter stderr, Path file, Format format, boolean debug, Clock clock) {
        this.stderr = stderr;
        this.file = file;
        this.format = format;
        this.debug = debug;
        this.clock = clock;
    }

    @Override
    public void debug(String message) {
        if (debug) {
            write("debug", message);
        }
    }

    @Override
    public void info(String message) {
        write("info", message);
    }

    @Override
    public void warn(String message) {
        write("warning", message);
    }

    @Override
    public void error(String message) {
        if (write("error", message)) {
            stderr.println(message);
            stderr.flush();
        }
    }

    /** Returns whether the line went to the log file rather than to stderr. */
    private boolean write(String level, String message) {
        String line = format == Format.JSON ? json(now(), level, message) : text(now(), level, message);
        if (file != null && append(line)) {
            return true;
        }
        stderr.println(line);
        stderr.flush();
        return false;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** One write per line, with O_APPEND, so that lines of concurrent jrun calls do not interleave. */
    private boolean append(String line) {
        try {
            if (fileStream == null) {
                fileStream = Files.newOutputStream(file, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            fileStream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            stderr.println(text(now(), "error", "write log file: " + Main.describe(e)));
            return false;
        }
    }

    /** logrus's text formatter: values quoted Go-style only when they need it. */
    static String text(String time, String level, String message) {
        StringBuilder line = new StringBuilder(64 + message.length());
        line.append("time=");
        appendTextValue(line, time);
        line.append(" level=").append(level).append(" msg=");
        appendTextValue(line, message);
        return line.toString();
    }

    /** logrus's JSON formatter: the keys in Go's sorted order. */
    static String json(String time, String level, String message) {
        StringBuilder line = new StringBuilder(48 + message.length());
        line.append("{\"level\":");
        appendJsonString(line, level);
        line.append(",\"msg\":");
        appendJsonString(line, message);
        line.append(",\"time\":");
        appendJsonString(line, time);
        return line.append('}').toString();
    }

    private static void appendTextValue(StringBuilder line, String value) {
        if (!needsQuoting(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': line.append("\\\""); break;
                case '\\': line.append("\\\\"); break;
                case '\n': line.append("\\n"); break;
                case '\r': line.append("\\r"); break;
                case '\t': line.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        line.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        line.append(c);
                    }
            }
        }
        line.append('"');
    }

    /** logrus leaves letters, digits and -._/@^+ unquoted. */
    private static boolean needsQuoting(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '/' || c == '@' || c == '^' || c == '+';
            if (!plain) {
                return true;
            }
        }
        return false;
    }

    private static void appendJsonString(StringBuilder line, String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': line.append("\\\""); break;
                case '\\': line.append("\\\\"); break;
                case '\n': line.append("\\n"); break;
                case '\r': line.append("\\r"); break;
                case '\t': line.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        line.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        line.append(c);
                    }
            }
        }
        line.append('"');
    }
}
