package dev.jrun.plan;

import static dev.jrun.plan.MountFlags.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanCodecTest {

    private static ContainerPath path(String value) {
        return ContainerPath.of(value);
    }

    /** One of every step type, every optional field present, values at their edges. */
    private static InitPlan everything() {
        return new InitPlan("/bundles/c1/rootfs", MS_PRIVATE | MS_REC, true, List.of(
                new MountStep.Mount("proc", path("/proc"), "proc", 0, 0, ""),
                new MountStep.Mount("tmpfs", path("/dev"), "tmpfs", MS_NOSUID | MS_STRICTATIME, 0, "mode=755,size=65536k"),
                new MountStep.Mount("/bundles/c1/data", path("/data"), "", MS_BIND | MS_REC | MS_RDONLY,
                        MS_SLAVE | MS_REC, ""),
                new MountStep.Mount("", path("/mnt/éàü"), "", -1L, Long.MIN_VALUE, "x=ü"),
                new MountStep.Devices(List.of(
                        new DeviceNode(path("/dev/null"), 'c', 1, 3, 0666, 0, 0),
                        new DeviceNode(path("/dev/sda"), 'b', 8, 0, 0600, 1000, 1001),
                        new DeviceNode(path("/dev/fifo"), 'p', 0, 0, 0644, -1, -1),
                        new DeviceNode(path("/dev/big"), 'c', 4095, 1048575, 0777, 65534, 65534)), true),
                new MountStep.Devices(List.of(), false),
                new MountStep.Symlink("/proc/self/fd", path("/dev/fd")),
                new MountStep.Symlink("pts/ptmx", path("/dev/ptmx")),
                new MountStep.ReadOnly(path("/proc/sys")),
                new MountStep.Mask(path("/proc/kcore")),
                new MountStep.Mask(path("/sys/firmware"))),
                Map.of("net.ipv4.ip_forward", "1", "kernel.msgmax", "65536"),
                Optional.of("web-1"), Optional.of("example.org"), true, true);
    }

    private static InitPlan minimal() {
        return new InitPlan("/r", 0, false, List.of(), Map.of(), Optional.empty(), Optional.empty(), false, false);
    }

    @Test
    void everyStepTypeAndEveryOptionalFieldSurviveARoundTrip() {
        InitPlan plan = everything();
        assertEquals(plan, PlanCodec.decode(PlanCodec.encode(plan)));
    }

    @Test
    void absentOptionalsAndEmptyListsSurviveARoundTrip() {
        InitPlan plan = minimal();
        InitPlan decoded = PlanCodec.decode(PlanCodec.encode(plan));
        assertEquals(plan, decoded);
        assertEquals(Optional.empty(), decoded.hostname());
        assertEquals(Optional.empty(), decoded.domainname());
    }

    @Test
    void eachOptionalIsDecodedIntoItsOwnField() {
        InitPlan onlyDomain = new InitPlan("/r", 0, false, List.of(), Map.of(), Optional.empty(),
                Optional.of("example.org"), false, true);
        InitPlan decoded = PlanCodec.decode(PlanCodec.encode(onlyDomain));
        assertEquals(Optional.empty(), decoded.hostname());
        assertEquals(Optional.of("example.org"), decoded.domainname());
        assertFalse(decoded.readonlyRoot());
        assertTrue(decoded.noPivot());
    }

    @Test
    void aPlanOfAnotherVersionIsRefused() {
        byte[] encoded = PlanCodec.encode(minimal());
        ByteBuffer.wrap(encoded).putInt(0, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanCodec.decode(encoded));
        assertEquals("plan version 2, expected 1", e.getMessage());
    }

    @Test
    void everyTruncationIsReportedAsATruncatedPlan() {
        byte[] encoded = PlanCodec.encode(everything());
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PlanCodec.decode(truncated), "truncated to " + length + " bytes");
            assertEquals("truncated plan", e.getMessage(), "truncated to " + length + " bytes");
        }
    }

    @Test
    void anUnknownStepIsRefused() {
        InitPlan plan = new InitPlan("/r", 0, false, List.of(new MountStep.Mask(path("/proc/kcore"))), Map.of(),
                Optional.empty(), Optional.empty(), false, false);
        byte[] encoded = PlanCodec.encode(plan);
        int tag = 4 + (2 + "/r".length()) + 8 + 1 + 4; // version, rootfs, propagation, userNamespace, step count
        assertEquals(4, encoded[tag], "the Mask step's tag");
        encoded[tag] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanCodec.decode(encoded));
        assertEquals("unknown plan step 9", e.getMessage());
    }

    @Test
    void theEncodingOfOnePlanIsStable() {
        assertArrayEquals(PlanCodec.encode(everything()), PlanCodec.encode(everything()));
        assertArrayEquals(PlanCodec.encode(everything()), PlanCodec.encode(PlanCodec.decode(PlanCodec.encode(everything()))));
    }
}
