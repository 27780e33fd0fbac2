package dev.jrun.spec;

import java.util.List;
import java.util.Map;

/** Checks of {@code hooks}: runtime-spec requires absolute paths and positive timeouts. */
final class HookChecks {

    private HookChecks() {
    }

    static void hooks(Spec spec, HostFacts host, Findings out) {
        Hooks hooks = spec.hooks();
        if (hooks == null) {
            return;
        }
        Map<String, List<Hook>> points = Map.of(
                "prestart", hooks.prestart(), "createRuntime", hooks.createRuntime(),
                "createContainer", hooks.createContainer(), "startContainer", hooks.startContainer(),
                "poststart", hooks.poststart(), "poststop", hooks.poststop());
        for (String point : List.of("prestart", "createRuntime", "createContainer", "startContainer", "poststart",
                "poststop")) {
            List<Hook> list = points.get(point);
            for (int i = 0; i < list.size(); i++) {
                String path = Check.at("hooks." + point, i);
                if (!Check.isAbsolute(list.get(i).path())) {
                    out.error(path + ".path", "must be an absolute path");
                }
                if (list.get(i).timeout() != null && list.get(i).timeout() <= 0) {
                    out.error(path + ".timeout", "must be greater than zero");
                }
            }
        }
    }
}
