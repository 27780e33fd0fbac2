package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/** The blkio / io controller settings of {@code linux.resources.blockIO}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BlockIo(
        Integer weight,
        Integer leafWeight,
        List<WeightDevice> weightDevice,
        List<ThrottleDevice> throttleReadBpsDevice,
        List<ThrottleDevice> throttleWriteBpsDevice,
        @JsonProperty("throttleReadIOPSDevice") List<ThrottleDevice> throttleReadIopsDevice,
        @JsonProperty("throttleWriteIOPSDevice") List<ThrottleDevice> throttleWriteIopsDevice) {

    public BlockIo {
        weightDevice = Copies.list(weightDevice);
        throttleReadBpsDevice = Copies.list(throttleReadBpsDevice);
        throttleWriteBpsDevice = Copies.list(throttleWriteBpsDevice);
        throttleReadIopsDevice = Copies.list(throttleReadIopsDevice);
        throttleWriteIopsDevice = Copies.list(throttleWriteIopsDevice);
    }

    /** A weight for one device (major:minor). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WeightDevice(long major, long minor, Integer weight, Integer leafWeight) {
    }

    /** A rate limit for one device, in bytes or operations per second. */
    public record ThrottleDevice(
            long major,
            long minor,
            @JsonSerialize(using = Uint64.Writer.class) @JsonDeserialize(using = Uint64.Reader.class) long rate) {
    }
}
