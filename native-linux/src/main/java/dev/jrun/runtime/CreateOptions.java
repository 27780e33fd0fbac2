package dev.jrun.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options of {@code create} (and of the create half of {@code run}).
 *
 * @param preserveFds how many descriptors after stdio (3, 4, ...) the container inherits
 */
public record CreateOptions(String id, Path bundle, Optional<Path> pidFile, int preserveFds,
                            Optional<Path> consoleSocket) {
}
