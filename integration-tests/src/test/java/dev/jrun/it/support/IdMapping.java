package dev.jrun.it.support;

/** One line of a user namespace map: size ids from containerId on are hostId on on the host. */
public record IdMapping(long containerId, long hostId, long size) {
}
