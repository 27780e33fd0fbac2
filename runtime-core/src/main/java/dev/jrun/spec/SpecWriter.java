package dev.jrun.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;

/** Writes a {@link Spec} as config.json text, formatted as runc formats it (no final newline, as runc). */
public final class SpecWriter {

    private SpecWriter() {
    }

    public static String write(Spec spec) {
        try {
            return Json.WRITER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
