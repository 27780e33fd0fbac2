package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContainerIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "x-y.z_1", "a+b", "ABC123", "...", "a..b", "-", "_"})
    void acceptsRuncIds(String id) {
        assertEquals(id, ContainerId.validate(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", ".", "..", "", "a b", "a,b", "é", "a\nb", "a:b", "/"})
    void rejectsOthers(String id) {
        StateException e = assertThrows(StateException.class, () -> ContainerId.validate(id));
        assertEquals("invalid container id \"" + id + "\"", e.getMessage());
    }

    @Test
    void limitsTheLength() {
        assertEquals(1024, ContainerId.validate("a".repeat(1024)).length());
        assertThrows(StateException.class, () -> ContainerId.validate("a".repeat(1025)));
    }

    @Test
    void rejectsNull() {
        assertThrows(StateException.class, () -> ContainerId.validate(null));
    }
}
