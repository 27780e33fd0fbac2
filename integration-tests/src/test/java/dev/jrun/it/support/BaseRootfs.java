package dev.jrun.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A busybox-static rootfs, built once per run and copied into each bundle. It also holds the
 * probes some tests need when this machine has them: a setuid-root euid printer (gcc) and
 * bubblewrap with its libraries.
 */
public final class BaseRootfs {
    public static final String SETUID_PROBE = "/bin/euid";
    public static final String BWRAP = "/usr/bin/bwrap";

    private static final String PROBE_SOURCE = """
            #include <stdio.h>
            #include <unistd.h>
            int main(void) { printf("euid=%d\\n", (int) geteuid()); return 0; }
            """;
    private static final Pattern LIBRARY = Pattern.compile("(/\\S+)");

    private static Path path;

    private BaseRootfs() {
    }

    public static synchronized Path path() {
        if (path == null) {
            Path built = Workspace.dir().resolve("rootfs-base");
            try {
                build(built);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            path = built;
        }
        return path;
    }

    public static boolean has(String pathInside) {
        return Files.exists(path().resolve(pathInside.substring(1)));
    }

    private static void build(Path rootfs) throws IOException {
        Path busybox = Host.which("busybox").orElse(null);
        Skip.unless(busybox != null && isStatic(busybox), "needs a static busybox (apt-get install busybox-static)");
        for (String d : List.of("bin", "sbin", "usr/bin", "usr/sbin", "proc", "sys", "dev", "tmp", "etc",
                "root", "home/user", "mnt", "lib", "lib64", "usr/lib")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.copy(busybox, rootfs.resolve("bin/busybox"));
        for (String applet : Command.run(List.of(busybox.toString(), "--list-full")).ok().outLines()) {
            Path link = rootfs.resolve(applet);
            if (Files.notExists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, Path.of("/bin/busybox"));
            }
        }
        Files.writeString(rootfs.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nuser:x:1000:\n");
        chmod("1777", rootfs.resolve("tmp"));
        if (Host.which("gcc").isPresent()) {
            compileSetuidProbe(rootfs.resolve(SETUID_PROBE.substring(1)));
        }
        Host.which("bwrap").ifPresent(bwrap -> copyWithLibraries(bwrap, rootfs));
    }

    private static boolean isStatic(Path binary) {
        Result ldd = Command.run(List.of("ldd", binary.toString()));
        return (ldd.out() + ldd.err()).contains("not a dynamic executable");
    }

    private static void compileSetuidProbe(Path target) throws IOException {
        Path source = Workspace.dir().resolve("euid.c");
        Files.writeString(source, PROBE_SOURCE);
        Command.run(List.of("gcc", "-static", "-O1", "-o", target.toString(), source.toString())).ok();
        setuidRoot(target);
    }

    private static void setuidRoot(Path probe) {
        Command.run(List.of("chown", "root:root", probe.toString())).ok();
        chmod("4755", probe);
    }

    /** chown clears the setuid bit: a copy given to another owner calls this to keep its probe setuid. */
    public static void restoreSetuid(Path rootfs) {
        Path probe = rootfs.resolve(SETUID_PROBE.substring(1));
        if (Files.exists(probe)) {
            chmod("4755", probe);
        }
    }

    private static void copyWithLibraries(Path binary, Path rootfs) {
        try {
            Files.copy(binary, rootfs.resolve(BWRAP.substring(1)));
            for (String line : Command.run(List.of("ldd", binary.toString())).ok().outLines()) {
                Matcher m = LIBRARY.matcher(line);
                while (m.find()) {
                    Path library = Path.of(m.group(1));
                    if (Files.exists(library)) {
                        Path target = rootfs.resolve(library.toString().substring(1));
                        Files.createDirectories(target.getParent());
                        Files.copy(library.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chmod(String mode, Path path) {
        Command.run(List.of("chmod", mode, path.toString())).ok();
    }
}
