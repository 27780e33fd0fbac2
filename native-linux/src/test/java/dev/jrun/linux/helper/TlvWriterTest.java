package dev.jrun.linux.helper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte layout jrun-nsexec reads: u16 type, u16 zero, u32 length, the value; native byte order. */
class TlvWriterTest {

    private static ByteBuffer expected(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    private static ByteBuffer header(ByteBuffer buffer, int type, int length) {
        return buffer.putShort((short) type).putShort((short) 0).putInt(length);
    }

    private static byte[] afterVersion(byte[] bytes) {
        return java.util.Arrays.copyOfRange(bytes, 12, bytes.length);
    }

    @Test
    void aNewWriterHoldsTheVersionRecordAlone() {
        ByteBuffer version = header(expected(12), HelperProtocol.VERSION, 4).putInt(HelperProtocol.PROTOCOL_VERSION);
        assertArrayEquals(version.array(), new TlvWriter().toByteArray());
        assertEquals(1, HelperProtocol.VERSION);
        assertEquals(1, HelperProtocol.PROTOCOL_VERSION);
    }

    @Test
    void u32IsAFourByteValue() {
        byte[] bytes = new TlvWriter().u32(HelperProtocol.CLONE_FLAGS, 0x7c020000L).toByteArray();
        assertArrayEquals(header(expected(12), 2, 4).putInt(0x7c020000).array(), afterVersion(bytes));
    }

    @Test
    void theHeaderIsInNativeByteOrder() {
        byte[] record = afterVersion(new TlvWriter().u32(0x0102, 0x0a0b0c0d).toByteArray());
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        assertArrayEquals(little
                ? new byte[] {0x02, 0x01, 0, 0, 4, 0, 0, 0, 0x0d, 0x0c, 0x0b, 0x0a}
                : new byte[] {0x01, 0x02, 0, 0, 0, 0, 0, 4, 0x0a, 0x0b, 0x0c, 0x0d}, record);
    }

    @Test
    void u32sAndU64sAreArrays() {
        byte[] bytes = new TlvWriter().u32s(15, List.of(10L, 20L, 4294967295L)).u64s(16, 1L, -1L).toByteArray();
        ByteBuffer want = expected(8 + 12 + 8 + 16);
        header(want, 15, 12).putInt(10).putInt(20).putInt(-1);
        header(want, 16, 16).putLong(1).putLong(-1);
        assertArrayEquals(want.array(), afterVersion(bytes));
    }

    @Test
    void anEmptyArrayIsARecordOfLengthZero() {
        assertArrayEquals(header(expected(8), 15, 0).array(),
                afterVersion(new TlvWriter().u32s(15, List.of()).toByteArray()));
    }

    @Test
    void aStringIsNotNulTerminated() {
        byte[] bytes = new TlvWriter().string(12, "/home/é").toByteArray();
        byte[] utf8 = "/home/é".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(header(expected(8 + utf8.length), 12, utf8.length).put(utf8).array(), afterVersion(bytes));
    }

    @Test
    void aStringListIsNulTerminatedStringsOneAfterTheOther() {
        byte[] bytes = new TlvWriter().strings(10, List.of("sh", "", "-c")).toByteArray();
        assertArrayEquals(header(expected(8 + 7), 10, 7).put(new byte[] {'s', 'h', 0, 0, '-', 'c', 0}).array(),
                afterVersion(bytes));
        assertArrayEquals(header(expected(8), 11, 0).array(),
                afterVersion(new TlvWriter().strings(11, List.of()).toByteArray()));
    }

    @Test
    void aNamespacePathIsItsCloneFlagThenThePath() {
        byte[] bytes = new TlvWriter().namespacePath(0x40000000L, "/run/netns/a").toByteArray();
        ByteBuffer want = header(expected(8 + 4 + 12), HelperProtocol.NS_PATH, 16).putInt(0x40000000)
                .put("/run/netns/a".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(want.array(), afterVersion(bytes));
    }

    @Test
    void anRlimitIsResourceZeroSoftHard() {
        byte[] bytes = new TlvWriter().rlimit(7, 1024, -1).toByteArray();
        ByteBuffer want = header(expected(8 + 24), HelperProtocol.RLIMIT, 24).putInt(7).putInt(0).putLong(1024).putLong(-1);
        assertArrayEquals(want.array(), afterVersion(bytes));
    }

    @Test
    void bytesAreCopiedAsTheyAre() {
        byte[] bpf = {0x20, 0, 0, 0, 4, 0, 0, 0, 0x15, 0, 1, 0, (byte) 0x3e, 0, 0, (byte) 0xc0};
        assertArrayEquals(header(expected(8 + 16), HelperProtocol.SECCOMP_BPF, 16).put(bpf).array(),
                afterVersion(new TlvWriter().bytes(HelperProtocol.SECCOMP_BPF, bpf).toByteArray()));
    }

    @Test
    void recordsFollowEachOtherInTheOrderWritten() {
        byte[] bytes = new TlvWriter().u32(13, 1000).string(12, "/").u32(14, 1000).toByteArray();
        assertEquals(List.of(HelperProtocol.VERSION, 13, 12, 14), TlvRecords.types(bytes));
        assertEquals(12 + 12 + 9 + 12, bytes.length);
    }
}
