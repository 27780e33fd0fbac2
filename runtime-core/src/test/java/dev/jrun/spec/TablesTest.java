package dev.jrun.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The name tables and the small option types of {@code jrun spec}. */
class TablesTest {

    @Test
    void capabilityNumbers() {
        assertEquals(0, Capabilities.number("CAP_CHOWN"));
        assertEquals(21, Capabilities.number("CAP_SYS_ADMIN"));
        assertEquals(40, Capabilities.number("CAP_CHECKPOINT_RESTORE"));
        assertEquals(40, Capabilities.LAST);
        assertEquals("CAP_BPF", Capabilities.name(39));
        assertEquals("unknown capability \"CAP_FOO\"",
                assertThrows(ConfigException.class, () -> Capabilities.number("CAP_FOO")).getMessage());
    }

    @Test
    void capabilityMask() {
        assertEquals(0L, Capabilities.mask(List.of()));
        assertEquals((1L << 5) | (1L << 10) | (1L << 29),
                Capabilities.mask(List.of("CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_AUDIT_WRITE")));
        assertEquals((1L << 41) - 1, Capabilities.mask(Capabilities.NAMES));
    }

    @Test
    void capabilityCanonicalNames() {
        assertEquals("CAP_NET_ADMIN", Capabilities.canonical("net_admin"));
        assertEquals("CAP_NET_ADMIN", Capabilities.canonical("cap_Net_Admin"));
        assertEquals("CAP_NET_ADMIN", Capabilities.canonical("CAP_NET_ADMIN"));
    }

    @Test
    void rlimitNumbers() {
        assertEquals(0, Rlimits.number("RLIMIT_CPU"));
        assertEquals(7, Rlimits.number("RLIMIT_NOFILE"));
        assertEquals(15, Rlimits.number("RLIMIT_RTTIME"));
        assertTrue(Rlimits.isKnown("RLIMIT_NPROC"));
        assertFalse(Rlimits.isKnown("RLIMIT_FOO"));
        assertEquals("unknown rlimit \"RLIMIT_FOO\"",
                assertThrows(ConfigException.class, () -> Rlimits.number("RLIMIT_FOO")).getMessage());
    }

    @Test
    void idRangeParse() {
        assertEquals(new IdRange(100000, 65536), IdRange.parse("100000"));
        assertEquals(new IdRange(100000, 1000), IdRange.parse("100000:1000"));
        assertEquals(new IdRange(4294967295L, 1), IdRange.parse("4294967295:1"));
        for (String bad : List.of("", "x", "-1", "1:", ":5", "1:2:3", "1:x")) {
            assertEquals("invalid id range \"" + bad + "\": expected HOSTID[:SIZE]",
                    assertThrows(ConfigException.class, () -> IdRange.parse(bad)).getMessage(), bad);
        }
        assertEquals("id range 100000:0 does not fit in 32-bit ids",
                assertThrows(ConfigException.class, () -> IdRange.parse("100000:0")).getMessage());
        assertEquals("id range 4294967295:2 does not fit in 32-bit ids",
                assertThrows(ConfigException.class, () -> IdRange.parse("4294967295:2")).getMessage());
    }

    @Test
    void procMountParse() {
        assertEquals(ProcMount.DEFAULT, ProcMount.parse("Default"));
        assertEquals(ProcMount.UNMASKED, ProcMount.parse("Unmasked"));
        assertEquals(ProcMount.UNMASKED, ProcMount.parse("UNMASKED"));
        assertEquals("unknown proc mount type \"masked\": expected Default or Unmasked",
                assertThrows(ConfigException.class, () -> ProcMount.parse("masked")).getMessage());
    }

    @Test
    void jsonPaths() {
        assertEquals("linux.sysctl[\"net.ipv4.ip_forward\"]", JsonPath.key("linux.sysctl", "net.ipv4.ip_forward"));
        assertEquals("annotations.owner", JsonPath.key("annotations", "owner"));
        assertEquals("ociVersion", JsonPath.key("", "ociVersion"));
    }
}
