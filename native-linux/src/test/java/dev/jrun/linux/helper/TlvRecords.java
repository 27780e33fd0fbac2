package dev.jrun.linux.helper;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads TLV records back the way jrun-nsexec does, so that tests can look at what was written. */
public final class TlvRecords {

    /** One record: its type and value. */
    public record Record(int type, byte[] value) {

        public long u32() {
            expectLength(4);
            return Integer.toUnsignedLong(buffer().getInt());
        }

        public List<Long> u32s() {
            ByteBuffer buffer = buffer();
            List<Long> values = new ArrayList<>();
            while (buffer.hasRemaining()) {
                values.add(Integer.toUnsignedLong(buffer.getInt()));
            }
            return values;
        }

        public List<Long> u64s() {
            ByteBuffer buffer = buffer();
            List<Long> values = new ArrayList<>();
            while (buffer.hasRemaining()) {
                values.add(buffer.getLong());
            }
            return values;
        }

        public String string() {
            return new String(value, StandardCharsets.UTF_8);
        }

        /** A list of NUL-terminated strings; the last one must be terminated too. */
        public List<String> strings() {
            if (value.length > 0 && value[value.length - 1] != 0) {
                throw new AssertionError("string list of record " + type + " does not end in NUL");
            }
            List<String> strings = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < value.length; i++) {
                if (value[i] == 0) {
                    strings.add(new String(value, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return strings;
        }

        public ByteBuffer buffer() {
            return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder());
        }

        private void expectLength(int length) {
            if (value.length != length) {
                throw new AssertionError("record " + type + " has " + value.length + " bytes, expected " + length);
            }
        }

        @Override
        public String toString() {
            return "Record[" + type + ", " + Arrays.toString(value) + "]";
        }
    }

    private TlvRecords() {
    }

    /** Every record in order; a header whose reserved half is not zero, or a short value, is an error. */
    public static List<Record> parse(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        List<Record> records = new ArrayList<>();
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 8) {
                throw new AssertionError("a partial header of " + buffer.remaining() + " bytes");
            }
            int type = Short.toUnsignedInt(buffer.getShort());
            int zero = Short.toUnsignedInt(buffer.getShort());
            if (zero != 0) {
                throw new AssertionError("record " + type + ": reserved half is " + zero);
            }
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw new AssertionError("record " + type + ": length " + length + " beyond the end");
            }
            byte[] value = new byte[length];
            buffer.get(value);
            records.add(new Record(type, value));
        }
        return records;
    }

    public static List<Integer> types(byte[] bytes) {
        return parse(bytes).stream().map(Record::type).toList();
    }

    /** The records of one type, in order. */
    public static List<Record> all(byte[] bytes, int type) {
        return parse(bytes).stream().filter(r -> r.type() == type).toList();
    }

    /** The only record of that type. */
    public static Record one(byte[] bytes, int type) {
        List<Record> found = all(bytes, type);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " records of type " + type + ", expected one");
        }
        return found.get(0);
    }
}
