package dev.jrun.plan;

import java.util.List;

/**
 * One step of the mount plan that the container init executes in order, inside the new mount
 * namespace and before pivot_root. Every target is a {@link ContainerPath}, resolved under the
 * rootfs without leaving it.
 */
public sealed interface MountStep {

    /**
     * A filesystem mounted on a target. For a bind ({@code MS_BIND} in flags) the source is a host
     * path and the flags other than bind/rec are applied by a remount, as the kernel requires.
     *
     * @param flags       MS_* flags other than propagation
     * @param propagation MS_SHARED/SLAVE/PRIVATE/UNBINDABLE, possibly with MS_REC, applied afterwards
     * @param data        the filesystem-specific option string, empty when none
     */
    record Mount(String source, ContainerPath target, String type, long flags, long propagation,
                 String data) implements MountStep {

        public boolean isBind() {
            return (flags & MountFlags.MS_BIND) != 0;
        }
    }

    /**
     * Device nodes created under /dev, or, in a user namespace where mknod is refused, bind
     * mounted from the host's /dev.
     */
    record Devices(List<DeviceNode> nodes, boolean bindFromHost) implements MountStep {
        public Devices {
            nodes = List.copyOf(nodes);
        }
    }

    /** A symlink created in the container (the /dev/fd, /dev/stdin... links). */
    record Symlink(String linkTarget, ContainerPath path) implements MountStep {
    }

    /**
     * A path hidden from the container: a file is covered by a bind of a verified /dev/null, a
     * directory by an empty read-only tmpfs. A path that does not exist is skipped.
     */
    record Mask(ContainerPath path) implements MountStep {
    }

    /** A path made read-only by a recursive bind onto itself and a read-only remount. */
    record ReadOnly(ContainerPath path) implements MountStep {
    }
}
