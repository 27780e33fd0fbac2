package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden strings are what runc 1.1.5 printed for the same containers. */
class ListFormatTest {

    private final List<ContainerView> two = List.of(
            new ContainerView(Samples.abc(), Status.STOPPED),
            new ContainerView(Samples.annotated(), Status.CREATED));

    @Test
    void tableWithoutContainers() {
        assertEquals("ID          PID         STATUS      BUNDLE      CREATED     OWNER\n", ListFormat.table(List.of()));
    }

    @Test
    void tableAlignsLikeGosTabwriter() {
        assertEquals("""
                ID          PID         STATUS      BUNDLE      CREATED                         OWNER
                abc         0           stopped     /tmp/rb     2026-11-22T11:31:15.55175843Z   root
                x-y.z_1     5385        created     /tmp/rb2    2026-11-22T11:31:45.84690336Z   root
                """, ListFormat.table(two));
    }

    @Test
    void wideCellsWidenTheirColumn() {
        ContainerState s = Samples.withId("a-rather-long-container-id");
        assertEquals("""
                ID                           PID         STATUS      BUNDLE      CREATED                         OWNER
                a-rather-long-container-id   4539        paused      /tmp/rb     2026-11-22T11:31:15.55175843Z   root
                """, ListFormat.table(List.of(new ContainerView(s, Status.PAUSED))));
    }

    @Test
    void jsonIsNullWithoutContainers() {
        assertEquals("null\n", ListFormat.json(List.of()));
    }

    @Test
    void jsonIsOneLineOfRuncsObjects() {
        assertEquals("[{\"ociVersion\":\"1.0.2-dev\",\"id\":\"abc\",\"pid\":0,\"status\":\"stopped\",\"bundle\":\"/tmp/rb\","
                + "\"rootfs\":\"/tmp/rb/rootfs\",\"created\":\"2026-11-22T11:31:15.55175843Z\",\"owner\":\"root\"},"
                + "{\"ociVersion\":\"1.0.2-dev\",\"id\":\"x-y.z_1\",\"pid\":5385,\"status\":\"created\",\"bundle\":\"/tmp/rb2\","
                + "\"rootfs\":\"/tmp/rb/rootfs\",\"created\":\"2026-11-22T11:31:45.84690336Z\","
                + "\"annotations\":{\"a.key\":\"x\",\"z.key\":\"v\\u003c\\u0026\\u003e\\u2028\\u0001\\u0008\\u000c\\t\"},"
                + "\"owner\":\"root\"}]\n", ListFormat.json(two));
    }

    @Test
    void quietListsIds() {
        assertEquals("abc\nx-y.z_1\n", ListFormat.quiet(two));
        assertEquals("", ListFormat.quiet(List.of()));
    }
}
