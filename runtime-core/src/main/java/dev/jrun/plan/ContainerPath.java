package dev.jrun.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * An absolute path inside the container's root, normalised lexically ("/a/../b" is "/b", ".." never
 * climbs above "/"). It is its own type so that it cannot be confused with a host path: it only
 * means something when resolved under a rootfs, without following symlinks out of it.
 */
public record ContainerPath(String value) {

    public ContainerPath {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + value);
        }
        value = normalise(value);
    }

    public static ContainerPath of(String value) {
        return new ContainerPath(value);
    }

    /** The path without its leading "/", as openat expects it relative to the root; "" for the root. */
    public String relative() {
        return value.substring(1);
    }

    public boolean isRoot() {
        return value.equals("/");
    }

    public List<String> components() {
        return isRoot() ? List.of() : List.of(relative().split("/"));
    }

    public ContainerPath resolve(String child) {
        return new ContainerPath(value + "/" + child);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        return "/" + String.join("/", parts);
    }
}
