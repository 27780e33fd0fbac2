package dev.jrun.plan;

/**
 * A device node of the container's /dev.
 *
 * @param type 'c' character or 'b' block (or 'p' fifo)
 * @param mode permission bits
 */
public record DeviceNode(ContainerPath path, char type, long major, long minor, int mode, int uid, int gid) {
}
