package dev.jrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T11:00:00.123Z"), ZoneOffset.UTC);

    private final StringWriter stderr = new StringWriter();

    private CliLog log(Path file, CliLog.Format format, boolean debug) {
        return new CliLog(new PrintWriter(stderr), file, format, debug, CLOCK);
    }

    @Test
    void textLineIsLogrusShaped() {
        log(null, CliLog.Format.TEXT, false).error("container does not exist");
        assertEquals("time=\"2026-11-22T11:00:00Z\" level=error msg=\"container does not exist\"\n", stderr.toString());
    }

    @Test
    void textLeavesPlainValuesUnquotedAndEscapesTheRest() {
        assertEquals("time=\"t:0\" level=info msg=hello", CliLog.text("t:0", "info", "hello"));
        assertEquals("time=\"t:0\" level=info msg=\"say \\\"hi\\\"\\n\\\\ \\x01\"",
                CliLog.text("t:0", "info", "say \"hi\"\n\\ \u0001"));
    }

    @Test
    void jsonLinesParseBack() {
        CliLog log = log(null, CliLog.Format.JSON, false);
        log.error("mount proc on /proc: \"EPERM\"\n\tdetail \u0002");
        log.warn("careful");
        String[] lines = stderr.toString().split("\n");
        assertEquals(2, lines.length);
        assertEquals(Map.of("level", "error", "msg", "mount proc on /proc: \"EPERM\"\n\tdetail \u0002",
                "time", "2026-11-22T11:00:00Z"), parseFlatJson(lines[0]));
        assertEquals(List.of("level", "msg", "time"), List.copyOf(parseFlatJson(lines[1]).keySet()));
        assertEquals("warning", parseFlatJson(lines[1]).get("level"));
    }

    @Test
    void debugLinesOnlyWithDebug() {
        log(null, CliLog.Format.TEXT, false).debug("hidden");
        assertEquals("", stderr.toString());
        log(null, CliLog.Format.TEXT, true).debug("shown");
        assertEquals("time=\"2026-11-22T11:00:00Z\" level=debug msg=shown\n", stderr.toString());
    }

    @Test
    void logFileGetsTheLinesAndStderrTheBareError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.json");
        Files.writeString(file, "{\"earlier\":\"line\"}\n");
        CliLog log = log(file, CliLog.Format.JSON, false);
        log.warn("a warning");
        log.error("container does not exist");
        assertEquals("{\"earlier\":\"line\"}\n"
                + "{\"level\":\"warning\",\"msg\":\"a warning\",\"time\":\"2026-11-22T11:00:00Z\"}\n"
                + "{\"level\":\"error\",\"msg\":\"container does not exist\",\"time\":\"2026-11-22T11:00:00Z\"}\n",
                Files.readString(file));
        assertEquals("container does not exist\n", stderr.toString());
    }

    @Test
    void unwritableLogFileFallsBackToStderr(@TempDir Path dir) {
        log(dir.resolve("missing/log"), CliLog.Format.TEXT, false).error("boom");
        String out = stderr.toString();
        assertTrue(out.contains("level=error msg=\"write log file: " + dir.resolve("missing/log")
                + ": no such file or directory\""), out);
        assertTrue(out.contains("level=error msg=boom\n"), out);
    }

    /** Just enough JSON for one flat object of strings, to check the lines are well-formed. */
    static Map<String, String> parseFlatJson(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        int[] pos = {0};
        expect(json, pos, '{');
        while (true) {
            String key = string(json, pos);
            expect(json, pos, ':');
            map.put(key, string(json, pos));
            char c = json.charAt(pos[0]++);
            if (c == '}') {
                assertEquals(json.length(), pos[0], "trailing text in " + json);
                return map;
            }
            assertEquals(',', c, json);
        }
    }

    private static void expect(String json, int[] pos, char c) {
        assertEquals(c, json.charAt(pos[0]++), json);
    }

    private static String string(String json, int[] pos) {
        expect(json, pos, '"');
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = json.charAt(pos[0]++);
            if (c == '"') {
                return s.toString();
            }
            assertTrue(c >= 0x20, "raw control character in " + json);
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = json.charAt(pos[0]++);
            switch (e) {
                case 'n': s.append('\n'); break;
                case 't': s.append('\t'); break;
                case 'r': s.append('\r'); break;
                case '"': s.append('"'); break;
                case '\\': s.append('\\'); break;
                case '/': s.append('/'); break;
                case 'u':
                    s.append((char) Integer.parseInt(json.substring(pos[0], pos[0] + 4), 16));
                    pos[0] += 4;
                    break;
                default: throw new AssertionError("bad escape in " + json);
            }
        }
    }
}
