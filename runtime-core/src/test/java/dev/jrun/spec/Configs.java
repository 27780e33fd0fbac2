package dev.jrun.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test configs. The goldens under src/test/resources/dev/jrun/spec are the output of runc 1.1.5:
 * {@code runc spec} and {@code runc spec --rootless}, the latter run as root and as nobody
 * (uid 65534, gid 65534), since the rootless template maps the caller's ids.
 */
final class Configs {

    static final ObjectMapper TREES = new ObjectMapper();

    private Configs() {
    }

    static String resource(String name) {
        try (InputStream in = Configs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** runc's default template as a tree to edit: a valid config with no findings. */
    static ObjectNode runc() {
        return (ObjectNode) tree(resource("runc-spec.json"));
    }

    static Spec spec(JsonNode config) {
        return SpecLoader.parse(config.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Validation check(JsonNode config) {
        return SpecValidator.check(spec(config), HostFacts.of(true));
    }

    static ObjectNode process(ObjectNode config) {
        return (ObjectNode) config.get("process");
    }

    static ObjectNode linux(ObjectNode config) {
        return (ObjectNode) config.get("linux");
    }

    static ArrayNode namespaces(ObjectNode config) {
        return (ArrayNode) linux(config).get("namespaces");
    }

    static ObjectNode mapping(long containerId, long hostId, long size) {
        return TREES.createObjectNode().put("containerID", containerId).put("hostID", hostId).put("size", size);
    }

    /** Adds a new user namespace mapping container ids 0..65535 to host ids 100000.. for uids and gids. */
    static ObjectNode withUserNamespace(ObjectNode config) {
        namespaces(config).addObject().put("type", "user");
        linux(config).putArray("uidMappings").add(mapping(0, 100000, 65536));
        linux(config).putArray("gidMappings").add(mapping(0, 100000, 65536));
        return config;
    }
}
