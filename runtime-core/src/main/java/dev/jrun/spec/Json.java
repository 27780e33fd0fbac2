package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The Jackson set-up shared by loading and writing. It reads as strictly as Go's encoding/json
 * (which is how runc reads config.json): no coercion between strings, numbers and booleans, no
 * fractions for integers, nothing after the top-level value; unknown fields are ignored. It writes
 * like Go's {@code json.MarshalIndent(v, "", "\t")}: tabs, {@code ": "}, map keys sorted.
 * Readers and writers are immutable, so they can be shared.
 */
final class Json {

    static final ObjectReader SPEC_READER;
    static final ObjectReader PROCESS_READER;
    static final ObjectWriter WRITER;

    static {
        ObjectMapper mapper = mapper();
        SPEC_READER = mapper.readerFor(Spec.class);
        PROCESS_READER = mapper.readerFor(Process.class);
        WRITER = mapper.writer(goIndent());
    }

    private Json() {
    }

    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    private static DefaultPrettyPrinter goIndent() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter tabs = new DefaultIndenter("\t", "\n");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(tabs)
                .withArrayIndenter(tabs);
    }
}
