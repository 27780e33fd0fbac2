package dev.jrun.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.math.BigInteger;

/**
 * JSON binding of the spec's uint64 fields (rlimits, seccomp argument values) in a Java long:
 * values up to 2^64-1, such as RLIM_INFINITY, keep their bits and are written back unsigned.
 */
final class Uint64 {

    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(64);

    private Uint64() {
    }

    static final class Reader extends StdScalarDeserializer<Long> {

        Reader() {
            super(Long.TYPE);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Long) ctxt.handleUnexpectedToken(Long.TYPE, p);
            }
            BigInteger value = p.getBigIntegerValue();
            if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
                throw JsonMappingException.from(p, "must be between 0 and 18446744073709551615");
            }
            return value.longValue();
        }

        @Override
        public Long getNullValue(DeserializationContext ctxt) {
            return 0L;
        }
    }

    static final class Writer extends StdScalarSerializer<Long> {

        Writer() {
            super(Long.class);
        }

        @Override
        public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(Long.toUnsignedString(value));
        }
    }
}
