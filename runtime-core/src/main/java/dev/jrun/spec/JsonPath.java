package dev.jrun.spec;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Formats a location in config.json the way error messages name it: {@code process.args[1]}. */
final class JsonPath {

    private JsonPath() {
    }

    static String of(List<Reference> references) {
        StringBuilder path = new StringBuilder();
        for (Reference ref : references) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                field(path, ref.getFieldName());
            }
        }
        return path.toString();
    }

    /** Appends a field name; a key that is not a plain identifier (a sysctl, an annotation) is quoted. */
    static StringBuilder field(StringBuilder path, String name) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            if (path.length() > 0) {
                path.append('.');
            }
            return path.append(name);
        }
        return path.append("[\"").append(name).append("\"]");
    }

    static String key(String parent, String key) {
        return field(new StringBuilder(parent), key).toString();
    }
}
