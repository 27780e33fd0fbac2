package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every transition of the lifecycle, allowed and refused, as runc has them. */
class StatusTest {

    @Test
    void onlyACreatedContainerStarts() {
        Map<Status, Boolean> expected = Map.of(
                Status.CREATED, true, Status.RUNNING, false, Status.PAUSED, false, Status.STOPPED, false);
        expected.forEach((status, allowed) -> assertEquals(allowed, status.canStart(), status.word()));
    }

    @Test
    void everyContainerWithALiveProcessCanBeSignalled() {
        Map<Status, Boolean> expected = Map.of(
                Status.CREATED, true, Status.RUNNING, true, Status.PAUSED, true, Status.STOPPED, false);
        expected.forEach((status, allowed) -> assertEquals(allowed, status.canKill(), status.word()));
    }

    @Test
    void withoutForceARunningOrPausedContainerIsNotDeleted() {
        Map<Status, Boolean> expected = Map.of(
                Status.CREATED, true, Status.RUNNING, false, Status.PAUSED, false, Status.STOPPED, true);
        expected.forEach((status, allowed) -> assertEquals(allowed, status.canDelete(false), status.word()));
    }

    @Test
    void forceDeletesInEveryStatus() {
        for (Status status : Status.values()) {
            assertEquals(true, status.canDelete(true), status.word());
        }
    }

    @Test
    void wordsAreRuncs() {
        assertEquals("created", Status.CREATED.word());
        assertEquals("running", Status.RUNNING.word());
        assertEquals("paused", Status.PAUSED.word());
        assertEquals("stopped", Status.STOPPED.word());
    }
}
