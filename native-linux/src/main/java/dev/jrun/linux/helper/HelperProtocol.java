package dev.jrun.linux.helper;

/**
 * The numbers shared with jrun-nsexec (native-linux/src/main/c/nsexec.c); docs/protocol.md
 * explains each. Both sides must change together.
 */
public final class HelperProtocol {

    // Descriptors at fixed numbers in the helper and in the container init.
    public static final int FD_EXE = 200;
    public static final int FD_SYNC = 201;
    public static final int FD_BOOTSTRAP = 202;
    public static final int FD_INITPLAN = 203;
    public static final int FD_HANDOFF = 204;
    public static final int FD_FIFO = 205;
    public static final int FD_CONSOLE = 206;

    // Bootstrap records.
    public static final int VERSION = 1;
    public static final int CLONE_FLAGS = 2;
    public static final int NS_PATH = 3;
    public static final int INIT_ARGV = 4;
    public static final int INIT_ENV = 5;

    // Hand-off records.
    public static final int ARGS = 10;
    public static final int ENV = 11;
    public static final int CWD = 12;
    public static final int UID = 13;
    public static final int GID = 14;
    public static final int ADDITIONAL_GIDS = 15;
    public static final int CAPS = 16;
    public static final int NO_NEW_PRIVS = 17;
    public static final int RLIMIT = 18;
    public static final int SECCOMP_BPF = 19;
    public static final int SECCOMP_FLAGS = 20;
    public static final int APPARMOR = 21;
    public static final int SELINUX = 22;
    public static final int PRESERVE_FDS = 23;
    public static final int UNSHARE_CGROUP = 24;
    public static final int WAIT_FIFO = 25;
    public static final int UMASK = 26;
    public static final int CONSOLE = 27;
    public static final int CONSOLE_SIZE = 28;

    /** CONSOLE values: a pty as stdio, and for the init also bound over /dev/console. */
    public static final int CONSOLE_PTY = 1;
    public static final int CONSOLE_DEVICE = 2;

    public static final int PROTOCOL_VERSION = 1;

    // Sync messages.
    public static final String IDMAP = "idmap";
    public static final String IDMAP_OK = "idmap-ok";
    public static final String PID = "pid";
    public static final String HANDOFF = "handoff";
    public static final String CONTINUE = "continue";
    public static final String READY = "ready";
    public static final String ERROR = "error";

    /** The helper's stages, its argv[1]. */
    public enum Stage {
        CREATE("create"), EXEC("exec"), HANDOFF("handoff");

        private final String word;

        Stage(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private HelperProtocol() {
    }
}
