package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StateFileTest {

    private static final Path FILE = Path.of("/run/jrun/abc/state.json");

    private static ContainerState decode(String json) {
        return StateFile.decode(json.getBytes(StandardCharsets.UTF_8), FILE);
    }

    private static String error(String json) {
        return assertThrows(StateException.class, () -> decode(json)).getMessage();
    }

    @Test
    void keepsEveryField() {
        ContainerState s = Samples.annotated();
        assertEquals(s, StateFile.decode(StateFile.encode(s), FILE));
        ContainerState plain = Samples.abc();
        assertEquals(plain, StateFile.decode(StateFile.encode(plain), FILE));
    }

    @Test
    void writesADocumentedReadableObject() {
        String json = new String(StateFile.encode(Samples.abc()), StandardCharsets.UTF_8);
        assertEquals("""
                {
                  "formatVersion" : 1,
                  "ociVersion" : "1.0.2-dev",
                  "id" : "abc",
                  "initPid" : 4539,
                  "initStartTime" : 35000,
                  "bundle" : "/tmp/rb",
                  "rootfs" : "/tmp/rb/rootfs",
                  "created" : "2026-11-22T11:31:15.55175843Z",
                  "owner" : "root",
                  "annotations" : { },
                  "cgroupPaths" : { },
                  "hasHooks" : false
                }
                """, json);
    }

    @Test
    void ignoresUnknownFields() {
        String json = new String(StateFile.encode(Samples.abc()), StandardCharsets.UTF_8)
                .replace("\"owner\"", "\"future\": {\"a\": [1, 2]}, \"owner\"");
        assertEquals(Samples.abc(), decode(json));
    }

    @Test
    void namesTheFileAndTheProblem() {
        assertEquals("corrupt state file /run/jrun/abc/state.json: not a json object", error("[]"));
        assertEquals("corrupt state file /run/jrun/abc/state.json: missing \"formatVersion\"", error("{}"));
        assertEquals("corrupt state file /run/jrun/abc/state.json: unsupported formatVersion 2",
                error("{\"formatVersion\": 2}"));
        assertEquals("corrupt state file /run/jrun/abc/state.json: missing \"ociVersion\"",
                error("{\"formatVersion\": 1}"));
        assertEquals("corrupt state file /run/jrun/abc/state.json: \"initPid\" is not an integer",
                error("{\"initPid\": \"1\"}"));
        assertEquals("corrupt state file /run/jrun/abc/state.json: \"annotations.a\" is not a string",
                error("{\"annotations\": {\"a\": 1}}"));
        String bad = new String(StateFile.encode(Samples.abc()), StandardCharsets.UTF_8)
                .replace("2026-11-22T11:31:15.55175843Z", "yesterday");
        assertEquals("corrupt state file /run/jrun/abc/state.json: bad \"created\" time \"yesterday\"", error(bad));
    }

    @Test
    void namesTheFileOfBrokenJson() {
        String message = error("{\"formatVersion\": 1, \"id\": ");
        assertEquals(true, message.startsWith("corrupt state file /run/jrun/abc/state.json: unexpected end-of-input"), message);
        assertEquals(true, error("").startsWith("corrupt state file /run/jrun/abc/state.json: "));
    }
}
