package dev.jrun.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The encoding of {@code state.json}, jrun's own format (runc's is not an interface: only the
 * output of {@code state} is). One JSON object, every field of {@link ContainerState}:
 * <pre>
 * {
 *   "formatVersion": 1,
 *   "ociVersion": "1.0.2",
 *   "id": "web",
 *   "initPid": 4539,
 *   "initStartTime": 35078,                  clock ticks since boot, field 22 of /proc/PID/stat
 *   "bundle": "/srv/web",
 *   "rootfs": "/srv/web/rootfs",
 *   "created": "2024-01-02T03:04:05.123456789Z",
 *   "owner": "root",
 *   "annotations": {"key": "value"},
 *   "cgroupPaths": {"memory": "/sys/fs/cgroup/memory/web", "": "/sys/fs/cgroup/unified/web"},
 *   "hasHooks": false                         poststart or poststop hooks are in the config copy
 * }
 * </pre>
 * A reader ignores fields it does not know, so a newer jrun can add some; a format it cannot
 * read gets a higher formatVersion.
 */
final class StateFile {

    static final int FORMAT_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private StateFile() {
    }

    static byte[] encode(ContainerState s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeStringField("ociVersion", s.ociVersion());
            g.writeStringField("id", s.id());
            g.writeNumberField("initPid", s.initPid());
            g.writeNumberField("initStartTime", s.initStartTime());
            g.writeStringField("bundle", s.bundle().toString());
            g.writeStringField("rootfs", s.rootfs().toString());
            g.writeStringField("created", GoJson.time(s.created()));
            g.writeStringField("owner", s.owner());
            writeMap(g, "annotations", s.annotations());
            writeMap(g, "cgroupPaths", s.cgroupPaths());
            g.writeBooleanField("hasHooks", s.hasHooks());
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, ?> map) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, ?> e : new TreeMap<>(map).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().toString());
        }
        g.writeEndObject();
    }

    /** @param file named in the error message */
    static ContainerState decode(byte[] bytes, Path file) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return read(p);
        } catch (JsonProcessingException e) {
            String first = e.getOriginalMessage().lines().findFirst().orElse("");
            String reason = first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
            throw corrupt(file, reason + " at " + e.getLocation().offsetDescription());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Invalid e) {
            throw corrupt(file, e.getMessage());
        }
    }

    private static StateException corrupt(Path file, String reason) {
        return new StateException("corrupt state file " + file + ": " + reason);
    }

    private static ContainerState read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Invalid("not a json object");
        }
        Map<String, Object> f = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "formatVersion", "initPid", "initStartTime" -> f.put(name, number(p, name, value));
                case "annotations", "cgroupPaths" -> f.put(name, stringMap(p, name, value));
                case "hasHooks" -> f.put(name, p.getValueAsBoolean());
                case "ociVersion", "id", "bundle", "rootfs", "created", "owner" ->
                        f.put(name, string(p, name, value));
                default -> p.skipChildren();
            }
        }
        long version = (Long) required(f, "formatVersion");
        if (version != FORMAT_VERSION) {
            throw new Invalid("unsupported formatVersion " + version);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> annotations = (Map<String, String>) f.getOrDefault("annotations", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, String> cgroups = (Map<String, String>) f.getOrDefault("cgroupPaths", Map.of());
        Map<String, Path> cgroupPaths = new HashMap<>();
        cgroups.forEach((k, v) -> cgroupPaths.put(k, Path.of(v)));
        return new ContainerState(
                (String) required(f, "ociVersion"),
                (String) required(f, "id"),
                Math.toIntExact((Long) required(f, "initPid")),
                (Long) required(f, "initStartTime"),
                Path.of((String) required(f, "bundle")),
                Path.of((String) required(f, "rootfs")),
                instant((String) required(f, "created")),
                (String) f.getOrDefault("owner", ""),
                annotations,
                cgroupPaths,
                (Boolean) f.getOrDefault("hasHooks", false));
    }

    private static Object required(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new Invalid("missing \"" + name + "\"");
        }
        return value;
    }

    private static long number(JsonParser p, String name, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new Invalid("\"" + name + "\" is not an integer");
        }
        return p.getLongValue();
    }

    private static String string(JsonParser p, String name, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new Invalid("\"" + name + "\" is not a string");
        }
        return p.getText();
    }

    private static Map<String, String> stringMap(JsonParser p, String name, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw new Invalid("\"" + name + "\" is not an object");
        }
        Map<String, String> map = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            map.put(key, string(p, name + "." + key, p.nextToken()));
        }
        return map;
    }

    private static Instant instant(String text) {
        return GoJson.parseTime(text).orElseThrow(() -> new Invalid("bad \"created\" time \"" + text + "\""));
    }

    /** A well-formed file whose content is not a state. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
