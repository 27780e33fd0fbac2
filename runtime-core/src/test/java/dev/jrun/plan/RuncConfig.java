package dev.jrun.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrun.spec.Spec;
import dev.jrun.spec.SpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** runc's default config.json (the golden of dev/jrun/spec), as a tree to edit and plan. */
final class RuncConfig {

    static final Path BUNDLE = Path.of("/bundles/c1");

    private static final ObjectMapper TREES = new ObjectMapper();

    private RuncConfig() {
    }

    static ObjectNode runc() {
        try (InputStream in = RuncConfig.class.getResourceAsStream("/dev/jrun/spec/runc-spec.json")) {
            return (ObjectNode) TREES.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Spec spec(ObjectNode config) {
        return SpecLoader.parse(config.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Plan plan(ObjectNode config) {
        return Planner.plan(spec(config), BUNDLE, false);
    }

    static ObjectNode linux(ObjectNode config) {
        return (ObjectNode) config.get("linux");
    }

    static ObjectNode process(ObjectNode config) {
        return (ObjectNode) config.get("process");
    }

    static ArrayNode mounts(ObjectNode config) {
        return (ArrayNode) config.get("mounts");
    }

    static ArrayNode namespaces(ObjectNode config) {
        return (ArrayNode) linux(config).get("namespaces");
    }

    static ObjectNode mount(String destination, String type, String source, String... options) {
        ObjectNode mount = TREES.createObjectNode().put("destination", destination).put("type", type)
                .put("source", source);
        ArrayNode list = mount.putArray("options");
        List.of(options).forEach(list::add);
        return mount;
    }

    /** Replaces the mount at {@code destination}. */
    static ObjectNode replaceMount(ObjectNode config, ObjectNode mount) {
        ArrayNode mounts = mounts(config);
        for (int i = 0; i < mounts.size(); i++) {
            if (mounts.get(i).get("destination").asText().equals(mount.get("destination").asText())) {
                mounts.set(i, mount);
                return config;
            }
        }
        throw new IllegalArgumentException("no mount at " + mount.get("destination"));
    }

    /** A new user namespace mapping container ids 0..65535 to host ids 100000.. */
    static ObjectNode withUserNamespace(ObjectNode config) {
        namespaces(config).addObject().put("type", "user");
        linux(config).putArray("uidMappings").add(mapping(0, 100000, 65536));
        linux(config).putArray("gidMappings").add(mapping(0, 200000, 65536));
        return config;
    }

    static ObjectNode mapping(long containerId, long hostId, long size) {
        return TREES.createObjectNode().put("containerID", containerId).put("hostID", hostId).put("size", size);
    }

    static ObjectNode object() {
        return TREES.createObjectNode();
    }

    static ArrayNode strings(String... values) {
        ArrayNode array = TREES.createArrayNode();
        List.of(values).forEach(array::add);
        return array;
    }
}
