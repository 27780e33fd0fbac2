package dev.jrun.cli;

import java.util.Locale;
import java.util.Map;

/** Signal names and numbers as {@code kill} accepts them, with Linux x86_64 numbering. */
final class Signals {

    /** glibc keeps 32 and 33 for itself, so a program's first real-time signal is 34. */
    static final int SIGRTMIN = 34;
    static final int SIGRTMAX = 64;

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("SIGHUP", 1), Map.entry("SIGINT", 2), Map.entry("SIGQUIT", 3),
            Map.entry("SIGILL", 4), Map.entry("SIGTRAP", 5), Map.entry("SIGABRT", 6),
            Map.entry("SIGIOT", 6), Map.entry("SIGBUS", 7), Map.entry("SIGFPE", 8),
            Map.entry("SIGKILL", 9), Map.entry("SIGUSR1", 10), Map.entry("SIGSEGV", 11),
            Map.entry("SIGUSR2", 12), Map.entry("SIGPIPE", 13), Map.entry("SIGALRM", 14),
            Map.entry("SIGTERM", 15), Map.entry("SIGSTKFLT", 16), Map.entry("SIGCHLD", 17),
            Map.entry("SIGCLD", 17), Map.entry("SIGCONT", 18), Map.entry("SIGSTOP", 19),
            Map.entry("SIGTSTP", 20), Map.entry("SIGTTIN", 21), Map.entry("SIGTTOU", 22),
            Map.entry("SIGURG", 23), Map.entry("SIGXCPU", 24), Map.entry("SIGXFSZ", 25),
            Map.entry("SIGVTALRM", 26), Map.entry("SIGPROF", 27), Map.entry("SIGWINCH", 28),
            Map.entry("SIGIO", 29), Map.entry("SIGPOLL", 29), Map.entry("SIGPWR", 30),
            Map.entry("SIGSYS", 31));

    private Signals() {
    }

    /**
     * The number of a signal given like runc accepts it: a number, or a name with or without
     * "SIG" in any case; also SIGRTMIN+n and SIGRTMAX-n.
     */
    static int parse(String signal) {
        if (!signal.isEmpty() && Character.isDigit(signal.charAt(0))) {
            return checkRange(signal, parseNumber(signal, signal), 0);
        }
        String name = signal.toUpperCase(Locale.ROOT);
        if (!name.startsWith("SIG")) {
            name = "SIG" + name;
        }
        Integer number = NUMBERS.get(name);
        if (number != null) {
            return number;
        }
        if (name.startsWith("SIGRTMIN")) {
            return checkRange(signal, SIGRTMIN + offset(signal, name.substring(8), '+'), SIGRTMIN);
        }
        if (name.startsWith("SIGRTMAX")) {
            return checkRange(signal, SIGRTMAX - offset(signal, name.substring(8), '-'), SIGRTMIN);
        }
        throw unknown(signal);
    }

    /** The n of "+n" or "-n" after SIGRTMIN or SIGRTMAX; nothing means 0. */
    private static int offset(String signal, String rest, char sign) {
        if (rest.isEmpty()) {
            return 0;
        }
        if (rest.length() < 2 || rest.charAt(0) != sign || !Character.isDigit(rest.charAt(1))) {
            throw unknown(signal);
        }
        return parseNumber(signal, rest.substring(1));
    }

    private static int parseNumber(String signal, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw unknown(signal);
        }
    }

    /** A number is passed on like runc does, within what kill(2) accepts; 0 only checks that the process exists. */
    private static int checkRange(String signal, int number, int min) {
        if (number < min || number > SIGRTMAX) {
            throw unknown(signal);
        }
        return number;
    }

    private static IllegalArgumentException unknown(String signal) {
        return new IllegalArgumentException("unknown signal \"" + signal + "\"");
    }
}
