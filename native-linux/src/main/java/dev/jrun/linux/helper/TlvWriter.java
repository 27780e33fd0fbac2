package dev.jrun.linux.helper;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the TLV records that jrun-nsexec reads: u16 type, u16 zero, u32 length, value; native byte order. */
public final class TlvWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TlvWriter() {
        u32(HelperProtocol.VERSION, HelperProtocol.PROTOCOL_VERSION);
    }

    public TlvWriter u32(int type, long value) {
        return record(type, buffer(4).putInt((int) value).array());
    }

    public TlvWriter u32s(int type, List<? extends Number> values) {
        ByteBuffer buffer = buffer(4 * values.size());
        values.forEach(v -> buffer.putInt(v.intValue()));
        return record(type, buffer.array());
    }

    public TlvWriter u64s(int type, long... values) {
        ByteBuffer buffer = buffer(8 * values.length);
        for (long v : values) {
            buffer.putLong(v);
        }
        return record(type, buffer.array());
    }

    public TlvWriter string(int type, String value) {
        return record(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A list of NUL-terminated strings. */
    public TlvWriter strings(int type, List<String> values) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (String value : values) {
            joined.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            joined.write(0);
        }
        return record(type, joined.toByteArray());
    }

    /** A u32 clone flag followed by a path: one namespace to join. */
    public TlvWriter namespacePath(long cloneFlag, String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        return record(HelperProtocol.NS_PATH, buffer(4 + bytes.length).putInt((int) cloneFlag).put(bytes).array());
    }

    /** An rlimit: u32 resource, u32 zero, u64 soft, u64 hard. */
    public TlvWriter rlimit(int resource, long soft, long hard) {
        return record(HelperProtocol.RLIMIT, buffer(24).putInt(resource).putInt(0).putLong(soft).putLong(hard).array());
    }

    public TlvWriter bytes(int type, byte[] value) {
        return record(type, value);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private TlvWriter record(int type, byte[] value) {
        out.writeBytes(buffer(8).putShort((short) type).putShort((short) 0).putInt(value.length).array());
        out.writeBytes(value);
        return this;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }
}
