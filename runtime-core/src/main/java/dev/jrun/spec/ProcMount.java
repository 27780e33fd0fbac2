package dev.jrun.spec;

import java.util.Locale;

/** Kubernetes' procMount: Default masks parts of /proc and /sys, Unmasked leaves them as the kernel shows them. */
public enum ProcMount {
    DEFAULT, UNMASKED;

    /** "Default" or "Unmasked", in any case. */
    public static ProcMount parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "default" -> DEFAULT;
            case "unmasked" -> UNMASKED;
            default -> throw new ConfigException("unknown proc mount type \"" + text + "\": expected Default or Unmasked");
        };
    }
}
