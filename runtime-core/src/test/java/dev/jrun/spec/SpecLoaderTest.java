package dev.jrun.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

    @TempDir
    Path bundle;

    private Spec load(String json) throws IOException {
        Files.writeString(bundle.resolve("config.json"), json);
        return SpecLoader.load(bundle);
    }

    private String error(String json) {
        return assertThrows(ConfigException.class, () -> load(json)).getMessage();
    }

    @Test
    void loadsRuncTemplate() throws IOException {
        Spec spec = load(Configs.resource("runc-spec.json"));
        assertEquals("1.0.2-dev", spec.ociVersion());
        assertEquals(List.of("sh"), spec.process().args());
        assertEquals("rootfs", spec.root().path());
        assertTrue(spec.root().readonly());
        assertEquals(7, spec.mounts().size());
        assertEquals(new Rlimit("RLIMIT_NOFILE", 1024, 1024), spec.process().rlimits().get(0));
        assertTrue(spec.linux().createsNamespace(Namespace.NETWORK));
        assertEquals("rwm", spec.linux().resources().devices().get(0).access());
    }

    @Test
    void missingBundleDirectory() {
        Path missing = bundle.resolve("nope");
        assertEquals("bundle " + missing + ": no such directory",
                assertThrows(ConfigException.class, () -> SpecLoader.load(missing)).getMessage());
    }

    @Test
    void missingConfigFile() {
        assertEquals("config.json: no such file in bundle " + bundle,
                assertThrows(ConfigException.class, () -> SpecLoader.load(bundle)).getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertEquals("config.json: malformed JSON at line 2 column 15: unexpected character ('\"' (code 34)): "
                + "was expecting a colon to separate field name and value",
                error("{\n \"ociVersion\" \"1.0.2\"\n}"));
    }

    @Test
    void malformedJsonInsideAnArrayIsStillASyntaxError() {
        assertEquals("config.json: malformed JSON at line 3 column 15: unexpected character (']' (code 93)): "
                + "expected a value", error("{\"ociVersion\":\"1\",\n \"process\": {\n \"args\": [\"a\",]}}"));
    }

    @Test
    void truncatedJson() {
        assertEquals("config.json: malformed JSON at line 3 column 3: unexpected end-of-input: "
                + "expected close marker for Object", error("{\"ociVersion\":\"1\",\n \"process\": {\n }"));
    }

    @Test
    void dataAfterTheObject() {
        assertEquals("config.json: malformed JSON at line 1 column 20: unexpected data after the top-level value",
                error("{\"ociVersion\":\"1\"} {}"));
    }

    @Test
    void emptyFile() {
        assertEquals("config.json: empty, expected a JSON object", error("  \n"));
    }

    @Test
    void topLevelMustBeAnObject() {
        assertEquals("config.json: expected an object", error("[]"));
        assertEquals("config.json: expected an object", error("null"));
    }

    @Test
    void wrongTypeNamesTheJsonPath() {
        assertEquals("config.json: process.args[1]: expected a string",
                error("{\"process\":{\"args\":[\"sh\", 1]}}"));
        assertEquals("config.json: process.args: expected an array", error("{\"process\":{\"args\":\"sh\"}}"));
        assertEquals("config.json: process: expected an object", error("{\"process\":\"sh\"}"));
        assertEquals("config.json: process.terminal: expected a boolean", error("{\"process\":{\"terminal\":1}}"));
        assertEquals("config.json: linux.namespaces[2].type: expected a string",
                error("{\"linux\":{\"namespaces\":[{\"type\":\"pid\"},{\"type\":\"ipc\"},{\"type\":5}]}}"));
    }

    @Test
    void noCoercionBetweenStringsAndNumbersAsInGo() {
        assertEquals("config.json: process.user.uid: expected an integer",
                error("{\"process\":{\"user\":{\"uid\":\"0\"}}}"));
        assertEquals("config.json: process.user.uid: expected an integer",
                error("{\"process\":{\"user\":{\"uid\":1.5}}}"));
        assertEquals("config.json: ociVersion: expected a string", error("{\"ociVersion\":1}"));
        assertEquals("config.json: process.terminal: expected a boolean",
                error("{\"process\":{\"terminal\":\"true\"}}"));
    }

    @Test
    void numbersOutOfRange() {
        assertEquals("config.json: process.oomScoreAdj: number out of range for an integer",
                error("{\"process\":{\"oomScoreAdj\":99999999999}}"));
        assertEquals("config.json: process.rlimits[0].hard: must be between 0 and 18446744073709551615",
                error("{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_CORE\",\"hard\":-1,\"soft\":0}]}}"));
        assertEquals("config.json: process.rlimits[0].soft: must be between 0 and 18446744073709551615",
                error("{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_CORE\",\"hard\":0,"
                        + "\"soft\":18446744073709551616}]}}"));
    }

    @Test
    void nullInsideListsAndMapsIsRefused() {
        assertEquals("config.json: process.args[1]: must not be null",
                error("{\"process\":{\"args\":[\"sh\", null]}}"));
        assertEquals("config.json: annotations.owner: must not be null", error("{\"annotations\":{\"owner\":null}}"));
    }

    @Test
    void unsignedLimitsKeepTheirBits() throws IOException {
        Spec spec = load("{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_CORE\","
                + "\"hard\":18446744073709551615,\"soft\":9223372036854775808}]}}");
        Rlimit core = spec.process().rlimits().get(0);
        assertEquals(-1L, core.hard());
        assertEquals(Long.MIN_VALUE, core.soft());
    }

    @Test
    void unknownPropertiesAreIgnoredAndAbsentListsAreEmpty() throws IOException {
        Spec spec = load("{\"ociVersion\":\"1.2.0\",\"vm\":{\"kernel\":{\"path\":\"/k\"}},"
                + "\"process\":{\"args\":[\"sh\"],\"commandLine\":\"x\",\"ioPriority\":{\"class\":\"IOPRIO_CLASS_RT\"}},"
                + "\"linux\":{\"personality\":{\"domain\":\"LINUX\"},\"maskedPaths\":null}}");
        assertEquals(List.of("sh"), spec.process().args());
        assertEquals(List.of(), spec.process().env());
        assertEquals(new User(0, 0), spec.process().user());
        assertEquals(List.of(), spec.linux().maskedPaths());
        assertEquals(List.of(), spec.mounts());
        assertEquals(null, spec.hooks());
    }

    @Test
    void parseReadsBytesAlreadyRead() {
        Spec spec = SpecLoader.parse("{\"ociVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("1.0.0", spec.ociVersion());
        assertEquals(null, spec.process());
    }
}
