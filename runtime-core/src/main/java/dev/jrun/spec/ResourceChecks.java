package dev.jrun.spec;

import java.util.List;
import java.util.Set;

/** Checks of {@code linux.resources} that need no cgroup: the device rules' syntax. */
final class ResourceChecks {

    private ResourceChecks() {
    }

    static void deviceRules(Spec spec, HostFacts host, Findings out) {
        Resources resources = spec.linuxOrEmpty().resources();
        if (resources == null) {
            return;
        }
        List<Resources.DeviceRule> rules = resources.devices();
        for (int i = 0; i < rules.size(); i++) {
            Resources.DeviceRule rule = rules.get(i);
            String path = Check.at("linux.resources.devices", i);
            if (rule.type() != null && !Set.of("", "a", "b", "c").contains(rule.type())) {
                out.error(path + ".type", "unknown device type " + Check.quote(rule.type()));
            }
            if (rule.access() != null && !rule.access().matches("[rwm]*")) {
                out.error(path + ".access", "must be made of r, w and m");
            }
        }
    }
}
