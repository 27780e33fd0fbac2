package dev.jrun.spec;

/** A range of host ids for a user namespace: container ids 0..size-1 map to hostId..hostId+size-1. */
public record IdRange(long hostId, long size) {

    public static final long DEFAULT_SIZE = 65536;

    public IdRange {
        if (hostId < 0 || hostId > ProcessChecks.MAX_ID || size < 1 || size > ProcessChecks.MAX_ID + 1 - hostId) {
            throw new ConfigException("id range " + hostId + ":" + size + " does not fit in 32-bit ids");
        }
    }

    /** Parses "HOSTID[:SIZE]", the size defaulting to 65536. */
    public static IdRange parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length > 2 || !parts[0].matches("\\d{1,10}") || (parts.length == 2 && !parts[1].matches("\\d{1,10}"))) {
            throw new ConfigException("invalid id range \"" + text + "\": expected HOSTID[:SIZE]");
        }
        long size = parts.length == 2 ? Long.parseLong(parts[1]) : DEFAULT_SIZE;
        return new IdRange(Long.parseLong(parts[0]), size);
    }
}
