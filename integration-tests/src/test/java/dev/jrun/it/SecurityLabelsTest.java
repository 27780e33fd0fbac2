package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrun.it.support.Bundle;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Refusal;
import dev.jrun.it.support.Result;
import dev.jrun.it.support.Skip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * appArmorProfile and seLinuxOptions: applied for the next exec through a verified procfs where the
 * host has the LSM; refused before anything is created where it does not, never silently dropped.
 */
class SecurityLabelsTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    private static final Refusal refusal = new Refusal(containers);

    @Test
    void appArmorProfileIsApplied() {
        Skip.unless(appArmorEnabled(), "AppArmor is not enabled on this host");
        Config config = Config.shell("cat /proc/self/attr/current");
        config.json().with("process").put("apparmorProfile", "unconfined");
        assertEquals("unconfined", containers.output(config).strip());
    }

    @Test
    void appArmorProfileWithoutAppArmorIsRefused() {
        Skip.unless(!appArmorEnabled(), "AppArmor is enabled on this host: the refusal cannot be seen");
        Config config = Config.of("/bin/true");
        config.json().with("process").put("apparmorProfile", "docker-default");
        try (Bundle bundle = Bundle.of(config)) {
            Result result = refusal.assertRefused(bundle, "create");
            refusal.expectMessage(result, "config.json: process.apparmorProfile: AppArmor is not enabled");
        }
    }

    @Test
    void selinuxLabelIsApplied() {
        Skip.unless(selinuxEnabled(), "SELinux is not enabled on this host");
        Config config = Config.shell("cat /proc/self/attr/current");
        config.json().with("process").put("selinuxLabel", "system_u:system_r:container_t:s0");
        assertEquals("system_u:system_r:container_t:s0", containers.output(config).strip().replace("\0", ""));
    }

    @Test
    void selinuxLabelWithoutSelinuxIsRefused() {
        Skip.unless(!selinuxEnabled(), "SELinux is enabled on this host: the refusal cannot be seen");
        Config config = Config.of("/bin/true");
        config.json().with("process").put("selinuxLabel", "system_u:system_r:container_t:s0");
        try (Bundle bundle = Bundle.of(config)) {
            Result result = refusal.assertRefused(bundle, "create");
            refusal.expectMessage(result, "config.json: process.selinuxLabel: SELinux is not enabled");
        }
    }

    private static boolean appArmorEnabled() {
        try {
            return Files.readString(Path.of("/sys/module/apparmor/parameters/enabled")).startsWith("Y");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean selinuxEnabled() {
        return Files.isDirectory(Path.of("/sys/fs/selinux"));
    }
}
