package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;

/**
 * The cgroup settings of {@code linux.resources}. Every limit is null when absent, which means
 * "leave the kernel's default", never zero.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Resources(
        List<DeviceRule> devices,
        Memory memory,
        Cpu cpu,
        Pids pids,
        @JsonProperty("blockIO") BlockIo blockIo,
        List<HugepageLimit> hugepageLimits,
        Map<String, String> unified) {

    public Resources {
        devices = Copies.list(devices);
        hugepageLimits = Copies.list(hugepageLimits);
        unified = Copies.map(unified);
    }

    /** One rule of the device controller's allow list; a null type, major or minor matches all. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DeviceRule(
            @JsonInclude(JsonInclude.Include.ALWAYS) boolean allow,
            String type,
            Long major,
            Long minor,
            String access) {
    }

    /** Memory limits in bytes; -1 means unlimited where the spec allows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Memory(
            Long limit,
            Long reservation,
            Long swap,
            Long kernel,
            @JsonProperty("kernelTCP") Long kernelTcp,
            Long swappiness,
            @JsonProperty("disableOOMKiller") Boolean disableOomKiller) {
    }

    /** CPU controller settings; times in microseconds. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Cpu(
            Long shares,
            Long quota,
            Long period,
            Long realtimeRuntime,
            Long realtimePeriod,
            String cpus,
            String mems) {
    }

    /** The pids controller; a limit of 0 or less means no limit. */
    public record Pids(long limit) {
    }

    /** A hugetlb limit, e.g. pageSize "2MB". */
    public record HugepageLimit(
            String pageSize,
            @JsonSerialize(using = Uint64.Writer.class) @JsonDeserialize(using = Uint64.Reader.class) long limit) {
    }
}
