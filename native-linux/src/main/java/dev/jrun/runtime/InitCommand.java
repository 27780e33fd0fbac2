package dev.jrun.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the container init (JVM B): the JDK and class path of this JVM, flags chosen
 * for a short-lived process that must leave nothing behind (no hsperfdata in /tmp), and the
 * properties that let JNR load without extracting files.
 */
final class InitCommand {

    static final String MAIN_CLASS = "dev.jrun.linux.init.InitMain";

    private static final List<String> FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto");

    private static final List<String> FORWARDED_PROPERTIES = List.of(
            "jrun.home", "jnr.ffi.asm.enabled", "jffi.boot.library.path");

    private InitCommand() {
    }

    static List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(FLAGS);
        String home = System.getProperty("jrun.home");
        if (home != null && Files.isRegularFile(Path.of(home, "lib", "jrun-init.jsa"))) {
            argv.add("-XX:SharedArchiveFile=" + Path.of(home, "lib", "jrun-init.jsa"));
        }
        String classList = System.getProperty("jrun.init.classlist");
        if (classList != null) {
            argv.add("-XX:DumpLoadedClassList=" + classList + "." + System.nanoTime());
        }
        for (String property : FORWARDED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                argv.add("-D" + property + "=" + value);
            }
        }
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(MAIN_CLASS);
        return argv;
    }

    static List<String> env() {
        return List.of("LC_ALL=C.UTF-8");
    }
}
