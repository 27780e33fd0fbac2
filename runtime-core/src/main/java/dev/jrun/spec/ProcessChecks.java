package dev.jrun.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of {@code process}: what runs, as whom, with which capabilities and limits. */
final class ProcessChecks {

    static final long MAX_ID = 0xFFFF_FFFFL;

    private ProcessChecks() {
    }

    static void process(Spec spec, HostFacts host, Findings out) {
        Process p = spec.process();
        if (p == null) {
            out.error("process", "must be present");
            return;
        }
        if (p.args().isEmpty()) {
            out.error("process.args", "must not be empty");
        }
        if (!Check.isAbsolute(p.cwd())) {
            out.error("process.cwd", "must be an absolute path");
        }
        for (int i = 0; i < p.env().size(); i++) {
            if (p.env().get(i).indexOf('=') < 1) {
                out.error(Check.at("process.env", i), "must be KEY=value");
            }
        }
        if (p.oomScoreAdj() != null && (p.oomScoreAdj() < -1000 || p.oomScoreAdj() > 1000)) {
            out.error("process.oomScoreAdj", "must be between -1000 and 1000");
        }
    }

    static void user(Spec spec, HostFacts host, Findings out) {
        if (spec.process() == null) {
            return;
        }
        User user = spec.process().user();
        id(user.uid(), "process.user.uid", out);
        id(user.gid(), "process.user.gid", out);
        for (int i = 0; i < user.additionalGids().size(); i++) {
            id(user.additionalGids().get(i), Check.at("process.user.additionalGids", i), out);
        }
        if (user.umask() != null && (user.umask() < 0 || user.umask() > 0777)) {
            out.error("process.user.umask", "must be between 0 and 0777");
        }
    }

    private static void id(long id, String path, Findings out) {
        if (id < 0 || id > MAX_ID) {
            out.error(path, "must be between 0 and " + MAX_ID);
        }
    }

    static void capabilities(Spec spec, HostFacts host, Findings out) {
        if (spec.process() == null || spec.process().capabilities() == null) {
            return;
        }
        CapabilitySets caps = spec.process().capabilities();
        Set<String> warned = new HashSet<>();
        Map<String, List<String>> sets = Map.of(
                "bounding", caps.bounding(), "effective", caps.effective(), "inheritable", caps.inheritable(),
                "permitted", caps.permitted(), "ambient", caps.ambient());
        for (String set : List.of("bounding", "effective", "inheritable", "permitted", "ambient")) {
            List<String> names = sets.get(set);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String path = Check.at("process.capabilities." + set, i);
                if (!Capabilities.isKnown(name)) {
                    out.error(path, "unknown capability " + Check.quote(name));
                } else if (Capabilities.number(name) > host.lastCap() && warned.add(name)) {
                    // runc does the same: a capability newer than the kernel is dropped, not fatal.
                    out.warn(path, name + " is not known to this kernel and is ignored");
                }
            }
        }
    }

    static void rlimits(Spec spec, HostFacts host, Findings out) {
        if (spec.process() == null) {
            return;
        }
        List<Rlimit> rlimits = spec.process().rlimits();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rlimits.size(); i++) {
            Rlimit r = rlimits.get(i);
            String path = Check.at("process.rlimits", i);
            if (r.type() == null || !Rlimits.isKnown(r.type())) {
                out.error(path + ".type", "unknown rlimit " + Check.quote(String.valueOf(r.type())));
            } else if (!seen.add(r.type())) {
                out.error(path + ".type", Check.quote(r.type()) + " is repeated");
            }
            if (Long.compareUnsigned(r.soft(), r.hard()) > 0) {
                out.error(path, "soft limit " + Long.toUnsignedString(r.soft()) + " exceeds hard limit "
                        + Long.toUnsignedString(r.hard()));
            }
        }
    }
}
