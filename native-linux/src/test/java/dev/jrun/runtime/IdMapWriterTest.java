package dev.jrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrun.spec.IdMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of uid_map and gid_map, which the kernel takes in one write. */
class IdMapWriterTest {

    @Test
    void oneRangeIsOneLine() {
        assertEquals("0 100000 65536\n", IdMapWriter.table(List.of(new IdMapping(0, 100000, 65536))));
    }

    @Test
    void severalRangesAreOneLineEachInOrder() {
        assertEquals("0 1000 1\n1 100000 65535\n65536 4294967294 1\n", IdMapWriter.table(List.of(
                new IdMapping(0, 1000, 1), new IdMapping(1, 100000, 65535), new IdMapping(65536, 4294967294L, 1))));
    }
}
