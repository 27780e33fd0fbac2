package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrun.it.support.Config;
import dev.jrun.it.support.Containers;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** capabilities.add/drop: the five sets, read back from /proc/self/status. */
class CapabilitiesTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    private static final Map<String, Integer> NUMBERS = Map.of(
            "CAP_KILL", 5, "CAP_NET_BIND_SERVICE", 10, "CAP_NET_ADMIN", 12, "CAP_NET_RAW", 13,
            "CAP_SYS_TIME", 25, "CAP_AUDIT_WRITE", 29);
    private static final List<String> SETS = List.of("bounding", "effective", "permitted", "inheritable", "ambient");

    /** For root, execve makes permitted and effective the bounding set (with inheritable): all equal here. */
    @Test
    void rootGetsTheSetsAsGiven() {
        List<String> caps = List.of("CAP_NET_ADMIN", "CAP_SYS_TIME");
        Config config = withSets(Config.shell("grep ^Cap /proc/self/status"), caps, caps, caps, caps, List.of());
        assertEquals(Map.of("CapInh", mask(caps), "CapPrm", mask(caps), "CapEff", mask(caps),
                "CapBnd", mask(caps), "CapAmb", mask(List.of())), read(config));
    }

    /** A non-root process keeps capabilities across execve only through the ambient set. */
    @Test
    void nonRootKeepsItsAmbientCapabilities() {
        List<String> bind = List.of("CAP_NET_BIND_SERVICE");
        List<String> bounding = List.of("CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW");
        Config config = withSets(Config.shell("grep ^Cap /proc/self/status"), bounding, bind, bind, bind, bind).user(1000, 1000);
        assertEquals(Map.of("CapInh", mask(bind), "CapPrm", mask(bind), "CapEff", mask(bind),
                "CapBnd", mask(bounding), "CapAmb", mask(bind)), read(config));
    }

    @Test
    void nonRootWithoutAmbientHasNone() {
        Config config = Config.shell("grep ^Cap /proc/self/status").user(1000, 1000);
        assertEquals(Map.of("CapInh", mask(List.of()), "CapPrm", mask(List.of()), "CapEff", mask(List.of()),
                "CapBnd", mask(Config.DEFAULT_CAPS), "CapAmb", mask(List.of())), read(config));
    }

    @SafeVarargs
    private static Config withSets(Config config, List<String>... sets) {
        for (int i = 0; i < SETS.size(); i++) {
            config.capabilitySet(SETS.get(i), sets[i]);
        }
        return config;
    }

    private static Map<String, String> read(Config config) {
        return containers.output(config).strip().lines()
                .map(l -> l.split(":\\s*"))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    /** As /proc/self/status prints a set: 16 hex digits. */
    private static String mask(List<String> caps) {
        long bits = caps.stream().mapToLong(c -> 1L << NUMBERS.get(c)).reduce(0, (a, b) -> a | b);
        return String.format("%016x", bits);
    }
}
