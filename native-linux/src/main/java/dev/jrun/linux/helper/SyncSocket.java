package dev.jrun.linux.helper;

import dev.jrun.linux.Syscalls;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Our end of the SOCK_SEQPACKET socket to the helper: one text message per packet. */
public final class SyncSocket implements AutoCloseable {

    private static final int MAX_MESSAGE = 4096;

    /** A received message: its first word and the rest. */
    public record Message(String type, String argument) {
        public int intArgument() {
            return Integer.parseInt(argument.trim());
        }
    }

    private final Syscalls syscalls;
    private final int fd;

    public SyncSocket(Syscalls syscalls, int fd) {
        this.syscalls = syscalls;
        this.fd = fd;
    }

    public void send(String message) {
        syscalls.writeFully(fd, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message, or empty when every copy of the other end is closed. */
    public Optional<Message> receive() {
        byte[] bytes = syscalls.read(fd, MAX_MESSAGE);
        if (bytes.length == 0) {
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        return Optional.of(space < 0 ? new Message(text, "") : new Message(text.substring(0, space), text.substring(space + 1)));
    }

    @Override
    public void close() {
        syscalls.close(fd);
    }
}
