package dev.jrun.state;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code state} prints, in runc's shape: the keys ociVersion, id, pid, status, bundle,
 * rootfs, created, annotations (left out when there are none, like Go's {@code omitempty}) and
 * owner, indented by two spaces, with no final newline (runc writes the marshalled bytes as they
 * are). runc's {@code state} never fills in the owner, so it is always "".
 */
public final class StateJson {

    private StateJson() {
    }

    public static String render(ContainerView view) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = GoJson.indented(out)) {
            write(g, view, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One container as runc's {@code containerState} struct marshals it (shared with list). */
    static void write(JsonGenerator g, ContainerView view, String owner) throws IOException {
        ContainerState s = view.state();
        g.writeStartObject();
        g.writeStringField("ociVersion", s.ociVersion());
        g.writeStringField("id", s.id());
        g.writeNumberField("pid", view.pid());
        g.writeStringField("status", view.status().word());
        g.writeStringField("bundle", s.bundle().toString());
        g.writeStringField("rootfs", s.rootfs().toString());
        g.writeStringField("created", GoJson.time(s.created()));
        if (!s.annotations().isEmpty()) {
            g.writeObjectFieldStart("annotations");
            // Go writes map keys sorted
            for (Map.Entry<String, String> e : new TreeMap<>(s.annotations()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeStringField("owner", owner);
        g.writeEndObject();
    }
}
