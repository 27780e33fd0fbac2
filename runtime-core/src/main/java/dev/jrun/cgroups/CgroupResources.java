package dev.jrun.cgroups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The limits to write into a container's cgroups, in the OCI config's units (bytes, shares,
 * microseconds) and with its conventions (-1 means unlimited). An empty value is left as the
 * kernel made it.
 *
 * @param memorySwap memory plus swap, as in the OCI config and cgroup v1
 * @param pidsLimit  a number above 0 is the limit; 0 or less means "max"
 * @param devices    applied in order after denying everything; none leaves the device cgroup alone
 * @param unified    cgroup v2 files and values written as they are, last; v2 only
 */
public record CgroupResources(
        OptionalLong memoryLimit,
        OptionalLong memoryReservation,
        OptionalLong memorySwap,
        OptionalLong memorySwappiness,
        OptionalLong cpuShares,
        OptionalLong cpuQuota,
        OptionalLong cpuPeriod,
        Optional<String> cpusetCpus,
        Optional<String> cpusetMems,
        OptionalLong pidsLimit,
        List<DeviceRule> devices,
        Map<String, String> unified) {

    public static final CgroupResources NONE = builder().build();

    public CgroupResources {
        devices = List.copyOf(devices);
        unified = Map.copyOf(unified);
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean hasMemory() {
        return memoryLimit.isPresent() || memoryReservation.isPresent() || memorySwap.isPresent()
                || memorySwappiness.isPresent();
    }

    boolean hasCpu() {
        return cpuShares.isPresent() || cpuQuota.isPresent() || cpuPeriod.isPresent();
    }

    boolean hasCpuset() {
        return cpusetCpus.isPresent() || cpusetMems.isPresent();
    }

    /** Collects the values of one container; what is not set stays empty. */
    public static final class Builder {
        private OptionalLong memoryLimit = OptionalLong.empty();
        private OptionalLong memoryReservation = OptionalLong.empty();
        private OptionalLong memorySwap = OptionalLong.empty();
        private OptionalLong memorySwappiness = OptionalLong.empty();
        private OptionalLong cpuShares = OptionalLong.empty();
        private OptionalLong cpuQuota = OptionalLong.empty();
        private OptionalLong cpuPeriod = OptionalLong.empty();
        private Optional<String> cpusetCpus = Optional.empty();
        private Optional<String> cpusetMems = Optional.empty();
        private OptionalLong pidsLimit = OptionalLong.empty();
        private final List<DeviceRule> devices = new ArrayList<>();
        private final Map<String, String> unified = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder memoryLimit(long bytes) {
            memoryLimit = OptionalLong.of(bytes);
            return this;
        }

        public Builder memoryReservation(long bytes) {
            memoryReservation = OptionalLong.of(bytes);
            return this;
        }

        public Builder memorySwap(long bytes) {
            memorySwap = OptionalLong.of(bytes);
            return this;
        }

        public Builder memorySwappiness(long swappiness) {
            memorySwappiness = OptionalLong.of(swappiness);
            return this;
        }

        public Builder cpuShares(long shares) {
            cpuShares = OptionalLong.of(shares);
            return this;
        }

        public Builder cpuQuota(long micros) {
            cpuQuota = OptionalLong.of(micros);
            return this;
        }

        public Builder cpuPeriod(long micros) {
            cpuPeriod = OptionalLong.of(micros);
            return this;
        }

        public Builder cpusetCpus(String cpus) {
            cpusetCpus = Optional.of(cpus);
            return this;
        }

        public Builder cpusetMems(String mems) {
            cpusetMems = Optional.of(mems);
            return this;
        }

        public Builder pidsLimit(long limit) {
            pidsLimit = OptionalLong.of(limit);
            return this;
        }

        public Builder device(DeviceRule rule) {
            devices.add(rule);
            return this;
        }

        public Builder unified(String file, String value) {
            unified.put(file, value);
            return this;
        }

        public CgroupResources build() {
            return new CgroupResources(memoryLimit, memoryReservation, memorySwap, memorySwappiness, cpuShares,
                    cpuQuota, cpuPeriod, cpusetCpus, cpusetMems, pidsLimit, devices, unified);
        }
    }
}
