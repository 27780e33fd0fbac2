package dev.jrun.spec;

/** One rule of {@link SpecValidator}: it reports what it finds, with the JSON path, and never throws. */
@FunctionalInterface
interface Check {

    void run(Spec spec, HostFacts host, Findings out);

    static boolean isAbsolute(String path) {
        return path != null && path.startsWith("/");
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    static String at(String path, int index) {
        return path + "[" + index + "]";
    }
}
