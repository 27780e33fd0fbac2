package dev.jrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {

    @ParameterizedTest
    @CsvSource({
        "SIGTERM, 15", "TERM, 15", "term, 15", "sigkill, 9", "KILL, 9", "SigHup, 1", "INT, 2",
        "QUIT, 3", "USR1, 10", "USR2, 12", "SIGCHLD, 17", "CHLD, 17", "CONT, 18", "STOP, 19",
        "TSTP, 20", "WINCH, 28", "PWR, 30", "SYS, 31", "IOT, 6", "ABRT, 6",
        "9, 9", "15, 15", "0, 0", "64, 64",
        "SIGRTMIN, 34", "RTMIN+1, 35", "sigrtmin+30, 64", "SIGRTMAX, 64", "RTMAX-2, 62",
    })
    void parsesNamesAndNumbers(String signal, int number) {
        assertEquals(number, Signals.parse(signal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "SIGFOO", "", "-1", "65", "99999999999", "SIG", "RTMIN+", "RTMIN-1",
        "RTMAX+1", "RTMIN+31", "9x", "SIGTERM "})
    void rejectsUnknownSignals(String signal) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signals.parse(signal));
        assertEquals("unknown signal \"" + signal + "\"", e.getMessage());
    }
}
