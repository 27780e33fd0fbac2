package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The golden strings are what runc 1.1.5 printed for the same containers. */
class StateJsonTest {

    @Test
    void printsRuncsStateShape() {
        assertEquals("""
                {
                  "ociVersion": "1.0.2-dev",
                  "id": "abc",
                  "pid": 4539,
                  "status": "created",
                  "bundle": "/tmp/rb",
                  "rootfs": "/tmp/rb/rootfs",
                  "created": "2026-11-22T11:31:15.55175843Z",
                  "owner": ""
                }""", StateJson.render(new ContainerView(Samples.abc(), Status.CREATED)));
    }

    @Test
    void printsAnnotationsSortedAndEscapedLikeGo() {
        assertEquals("""
                {
                  "ociVersion": "1.0.2-dev",
                  "id": "x-y.z_1",
                  "pid": 5385,
                  "status": "created",
                  "bundle": "/tmp/rb2",
                  "rootfs": "/tmp/rb/rootfs",
                  "created": "2026-11-22T11:31:45.84690336Z",
                  "annotations": {
                    "a.key": "x",
                    "z.key": "v\\u003c\\u0026\\u003e\\u2028\\u0001\\u0008\\u000c\\t"
                  },
                  "owner": ""
                }""", StateJson.render(new ContainerView(Samples.annotated(), Status.CREATED)));
    }

    @Test
    void aStoppedContainerHasPidZero() {
        assertEquals("""
                {
                  "ociVersion": "1.0.2-dev",
                  "id": "abc",
                  "pid": 0,
                  "status": "stopped",
                  "bundle": "/tmp/rb",
                  "rootfs": "/tmp/rb/rootfs",
                  "created": "2026-11-22T11:31:15.55175843Z",
                  "owner": ""
                }""", StateJson.render(new ContainerView(Samples.abc(), Status.STOPPED)));
    }

    @Test
    void formatsTimesAsGoRfc3339Nano() {
        assertEquals("2024-01-02T03:04:05Z", GoJson.time(Instant.parse("2024-01-02T03:04:05Z")));
        assertEquals("2024-01-02T03:04:05.5Z", GoJson.time(Instant.parse("2024-01-02T03:04:05.500Z")));
        assertEquals("2024-01-02T03:04:05.000000001Z", GoJson.time(Instant.parse("2024-01-02T03:04:05.000000001Z")));
        assertEquals("0999-12-31T23:59:59.12Z", GoJson.time(Instant.parse("0999-12-31T23:59:59.120Z")));
    }

    @Test
    void parsesWhatItFormats() {
        for (String text : new String[] {"2024-01-02T03:04:05Z", "2024-01-02T03:04:05.5Z", "2026-11-22T11:31:15.55175843Z",
                "2024-02-29T23:59:59.999999999Z"}) {
            assertEquals(text, GoJson.time(GoJson.parseTime(text).orElseThrow()));
        }
        for (String bad : new String[] {"", "2024-01-02", "2024-01-02T03:04:05", "2024-01-02T03:04:05.Z",
                "2024-13-02T03:04:05Z", "2024-01-02T03:04:05.1234567891Z", "2024-01-02 03:04:05Z", "2024-01-02T03:04:0xZ"}) {
            assertEquals(java.util.Optional.empty(), GoJson.parseTime(bad), bad);
        }
    }
}
