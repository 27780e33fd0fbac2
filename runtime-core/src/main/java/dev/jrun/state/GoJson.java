package dev.jrun.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * JSON written byte for byte as runc's Go encoder writes it, because containerd and CRI-O parse
 * the output of {@code state} and {@code list}: Go's string escapes (the HTML characters, U+2028
 * and U+2029, control characters as lower-case "&#92;u00xx" except \n, \r and \t, as Go 1.19
 * does), {@code json.MarshalIndent}'s layout, and {@code time.RFC3339Nano} timestamps.
 */
final class GoJson {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .characterEscapes(new GoEscapes())
            .build();

    private GoJson() {
    }

    /** Compact, like {@code json.Marshal}. */
    static JsonGenerator compact(Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** Two-space indent, {@code "key": value}, like {@code json.MarshalIndent(v, "", "  ")}. */
    static JsonGenerator indented(Writer out) throws IOException {
        return FACTORY.createGenerator(out).setPrettyPrinter(new GoIndent());
    }

    /**
     * Go's RFC3339Nano in UTC: nanoseconds without trailing zeros, no fraction when zero.
     * Formatted by hand: java.time's formatters cost start-up time that {@code state} pays.
     */
    static String time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(32);
        pad(s, t.getYear(), 4).append('-');
        pad(s, t.getMonthValue(), 2).append('-');
        pad(s, t.getDayOfMonth(), 2).append('T');
        pad(s, t.getHour(), 2).append(':');
        pad(s, t.getMinute(), 2).append(':');
        pad(s, t.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            pad(s.append('.'), nanos, digits);
        }
        return s.append('Z').toString();
    }

    /** The inverse of {@link #time}; empty when the text is not in that form. */
    static Optional<Instant> parseTime(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Optional.empty();
        }
        try {
            LocalDateTime t = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                    digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19));
            int nanos = 0;
            if (n > 20) {
                if (text.charAt(19) != '.' || n - 21 > 9 || n == 21) {
                    return Optional.empty();
                }
                nanos = digits(text, 20, n - 1);
                for (int i = n - 21; i < 9; i++) {
                    nanos *= 10;
                }
            } else if (text.charAt(19) != 'Z') {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochSecond(t.toEpochSecond(ZoneOffset.UTC), nanos));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new NumberFormatException(text);
            }
        }
        return Integer.parseInt(text, from, to, 10);
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(digits);
    }

    private static final class GoEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        GoEscapes() {
            // Go 1.19 has no short forms for backspace and form feed
            ascii['\b'] = ESCAPE_STANDARD;
            ascii['\f'] = ESCAPE_STANDARD;
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '<' || ch == '>' || ch == '&' || ch == '\u2028' || ch == '\u2029') {
                return new SerializedString("\\u" + Integer.toHexString(0x10000 | ch).substring(1));
            }
            return null;
        }
    }

    /** Go's indentation: every entry on its own line, empty containers as {} and []. */
    private static final class GoIndent implements PrettyPrinter {

        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }
}
